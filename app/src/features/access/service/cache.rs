//! Access decisions from memory. Every entry belongs to an access epoch, a counter the database
//! bumps (by triggers) on any change that can alter a decision: an upgrade, a deactivation, a
//! revoked key, a legacy grant. Each request reads the epoch (one primary-key lookup); when it
//! moved, the whole cache is dropped, so a change made by any server instance counts at once.
//! What the orders of an object allow is cached the same way under the order epoch, which only
//! changes to `orders` bump: a new order does not drop the decisions per installation.
use super::decisions::{installation_access, narrow_by_orders, object_needed, InstallationAccess};
use crate::error::AppError;
use crate::features::access::dto::{AccessDecision, ObjectRef};
use crate::features::orders::service::window::{window, OrderWindow};
use crate::features::products::service::credentials::{self, ClientRecord};
use crate::server::api_keys::use_due;
use crate::server::clock::now;
use crate::server::entities::{access_epoch, product};
use crate::server::{validate, Config};
use sea_orm::{ConnectionTrait, EntityTrait};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

/// Entries kept before the cache starts over. Only real credentials and well-formed
/// installation IDs asked about by an authenticated product are kept, each a few hundred
/// bytes, so this bounds memory even against a product that asks about every ID there is.
const MAX_ENTRIES: usize = 50_000;

/// Objects whose orders are kept before that part of the cache starts over.
const MAX_ORDER_ENTRIES: usize = 200_000;

/// The counters a request's answers belong to: the access epoch and the order epoch.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Epoch {
    pub access: i64,
    pub orders: i64,
}

/// (product, installation row, object type, object ID).
type ObjectKey = (i32, i32, String, String);

#[derive(Default)]
struct Entries {
    epoch: i64,
    order_epoch: i64,
    /// What the orders of each object asked about allow (`None`: no order).
    orders: HashMap<ObjectKey, Option<OrderWindow>>,
    /// Real credentials only: an unknown client ID is never kept (the REST API limits failed
    /// authentications per address instead).
    clients: HashMap<String, Arc<ClientRecord>>,
    access: HashMap<(i32, String), Arc<InstallationAccess>>,
    /// When this instance last wrote "last used" of each key (independent of the epoch).
    last_used_written: HashMap<i32, chrono::DateTime<chrono::Utc>>,
}

/// The per-instance cache of credentials and installation access (one per server instance,
/// held by the REST API).
#[derive(Default)]
pub struct AccessCache {
    entries: Mutex<Entries>,
}

impl AccessCache {
    fn lock(&self) -> MutexGuard<'_, Entries> {
        self.entries.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The current epochs; drops every entry of an older one.
    pub async fn epoch(&self, db: &impl ConnectionTrait) -> Result<Epoch, AppError> {
        let epoch = access_epoch::Entity::find_by_id(1)
            .one(db)
            .await?
            .map(|e| Epoch {
                access: e.epoch,
                orders: e.order_epoch,
            })
            .unwrap_or_default();
        let mut entries = self.lock();
        if entries.epoch != epoch.access {
            entries.epoch = epoch.access;
            entries.clients.clear();
            entries.access.clear();
            // Objects are cached by installation row, which a deactivation does not change,
            // but an installation's orders are worth nothing once it is unknown: start over.
            entries.orders.clear();
        }
        if entries.order_epoch != epoch.orders {
            entries.order_epoch = epoch.orders;
            entries.orders.clear();
        }
        Ok(epoch)
    }

    /// Like [`credentials::authenticate`], from memory within `epoch`.
    pub async fn authenticate(
        &self,
        db: &impl ConnectionTrait,
        config: &Config,
        epoch: Epoch,
        client: &str,
        secret: &str,
    ) -> Result<Option<product::Model>, AppError> {
        let cached = self.lock().clients.get(client).cloned();
        let record = match cached {
            Some(r) => r,
            None => {
                let Some(r) = credentials::client_record(db, client).await?.map(Arc::new) else {
                    return Ok(None);
                };
                let mut entries = self.lock();
                if entries.epoch == epoch.access {
                    if entries.clients.len() >= MAX_ENTRIES {
                        entries.clients.clear();
                    }
                    entries.clients.insert(client.to_owned(), r.clone());
                }
                r
            }
        };
        let Some(key) = record.key_for(config, secret) else {
            return Ok(None);
        };
        let at = now();
        let due = {
            let mut entries = self.lock();
            let last = entries.last_used_written.get(&key.id).copied();
            let due = use_due(last, at);
            if due {
                entries.last_used_written.insert(key.id, at);
            }
            due
        };
        if due {
            credentials::record_use(db, key.id, at).await?;
        }
        Ok(Some(record.product.clone()))
    }

    /// Like [`installation_access`], from memory within `epoch`.
    pub async fn installation_access(
        &self,
        db: &impl ConnectionTrait,
        epoch: Epoch,
        p: &product::Model,
        installation_id: &str,
    ) -> Result<Arc<InstallationAccess>, AppError> {
        // An ID that is no installation ID is unknown, and not worth remembering.
        let Ok(id) = validate::installation_id(crate::i18n::Lang::En, installation_id) else {
            return Ok(Arc::new(InstallationAccess::unknown()));
        };
        let key = (p.id, id);
        if let Some(a) = self.lock().access.get(&key) {
            return Ok(a.clone());
        }
        let a = Arc::new(installation_access(db, p, &key.1).await?);
        let mut entries = self.lock();
        if entries.epoch == epoch.access {
            if entries.access.len() >= MAX_ENTRIES {
                entries.access.clear();
            }
            entries.access.insert(key, a.clone());
        }
        Ok(a)
    }

    /// What the orders of `object` on the installation (its row) allow the product, from
    /// memory within `epoch`.
    async fn order_window(
        &self,
        db: &impl ConnectionTrait,
        epoch: Epoch,
        product_id: i32,
        installation: i32,
        object: &ObjectRef,
    ) -> Result<Option<OrderWindow>, AppError> {
        let key = (
            product_id,
            installation,
            object.object_type.clone(),
            object.id.clone(),
        );
        if let Some(w) = self.lock().orders.get(&key) {
            return Ok(*w);
        }
        let w = window(db, installation, product_id, &key.2, &key.3).await?;
        let mut entries = self.lock();
        if entries.epoch == epoch.access && entries.order_epoch == epoch.orders {
            // Each entry is under 200 bytes: the cap keeps the map within a few tens of MB
            // however many objects a product asks about.
            if entries.orders.len() >= MAX_ORDER_ENTRIES {
                entries.orders.clear();
            }
            entries.orders.insert(key, w);
        }
        Ok(w)
    }

    /// The decision for one call about `object` (if any) within `epoch` (rule 12 included).
    #[allow(clippy::too_many_arguments)]
    pub async fn decide(
        &self,
        db: &impl ConnectionTrait,
        config: &Config,
        epoch: Epoch,
        p: &product::Model,
        installation_id: &str,
        function: &str,
        object: Option<&ObjectRef>,
    ) -> Result<AccessDecision, AppError> {
        let access = self
            .installation_access(db, epoch, p, installation_id)
            .await?;
        let d = access.decide(p.id, function);
        let object = match object_needed(&d, object) {
            Ok(Some(o)) => o,
            Ok(None) => return Ok(d),
            Err(refusal) => return Ok(refusal),
        };
        let row = access.installation_row.ok_or(AppError::Internal)?;
        let w = self.order_window(db, epoch, p.id, row, object).await?;
        Ok(narrow_by_orders(d, w, now(), config.order_grace))
    }

    /// How many credentials and installation decisions it holds.
    pub fn sizes(&self) -> (usize, usize) {
        let entries = self.lock();
        (entries.clients.len(), entries.access.len())
    }
}
