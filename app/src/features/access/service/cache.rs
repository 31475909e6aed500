//! Access decisions from memory. Every entry belongs to an access epoch, a counter the database
//! bumps (by triggers) on any change that can alter a decision: an upgrade, a deactivation, a
//! revoked key, a legacy grant. Each request reads the epoch (one primary-key lookup); when it
//! moved, the whole cache is dropped, so a change made by any server instance counts at once.
use super::decisions::{installation_access, InstallationAccess};
use crate::error::AppError;
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

#[derive(Default)]
struct Entries {
    epoch: i64,
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

    /// The current epoch; drops every entry of an older one.
    pub async fn epoch(&self, db: &impl ConnectionTrait) -> Result<i64, AppError> {
        let epoch = access_epoch::Entity::find_by_id(1)
            .one(db)
            .await?
            .map(|e| e.epoch)
            .unwrap_or(0);
        let mut entries = self.lock();
        if entries.epoch != epoch {
            entries.epoch = epoch;
            entries.clients.clear();
            entries.access.clear();
        }
        Ok(epoch)
    }

    /// Like [`credentials::authenticate`], from memory within `epoch`.
    pub async fn authenticate(
        &self,
        db: &impl ConnectionTrait,
        config: &Config,
        epoch: i64,
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
                if entries.epoch == epoch {
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
        epoch: i64,
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
        if entries.epoch == epoch {
            if entries.access.len() >= MAX_ENTRIES {
                entries.access.clear();
            }
            entries.access.insert(key, a.clone());
        }
        Ok(a)
    }

    /// How many credentials and installation decisions it holds.
    pub fn sizes(&self) -> (usize, usize) {
        let entries = self.lock();
        (entries.clients.len(), entries.access.len())
    }
}
