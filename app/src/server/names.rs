//! What a list of rows names: the products, installations and organizations behind their IDs,
//! fetched in three queries whatever the list's length (never one query per row).
use crate::error::AppError;
use crate::server::entities::{installation, organization, product};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::collections::HashMap;

/// The products, installations and organizations a list names, by row ID.
pub struct Names {
    products: HashMap<i32, product::Model>,
    installations: HashMap<i32, installation::Model>,
    organizations: HashMap<i32, organization::Model>,
}

impl Names {
    /// Loads these products and installations, and the organizations that own them (partners,
    /// customers) together with `more_organizations`.
    pub async fn load(
        db: &impl ConnectionTrait,
        product_ids: impl IntoIterator<Item = i32>,
        installation_ids: impl IntoIterator<Item = i32>,
        more_organizations: impl IntoIterator<Item = i32>,
    ) -> Result<Self, AppError> {
        let products: HashMap<i32, product::Model> = product::Entity::find()
            .filter(product::Column::Id.is_in(product_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
        let installations: HashMap<i32, installation::Model> = installation::Entity::find()
            .filter(installation::Column::Id.is_in(installation_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|i| (i.id, i))
            .collect();
        let owners = products
            .values()
            .map(|p| p.partner_id)
            .chain(installations.values().map(|i| i.customer_id))
            .chain(more_organizations);
        let organizations = organization::Entity::find()
            .filter(organization::Column::Id.is_in(owners))
            .all(db)
            .await?
            .into_iter()
            .map(|o| (o.id, o))
            .collect();
        Ok(Self {
            products,
            installations,
            organizations,
        })
    }

    pub fn product(&self, id: i32) -> Option<&product::Model> {
        self.products.get(&id)
    }

    pub fn installation(&self, id: i32) -> Option<&installation::Model> {
        self.installations.get(&id)
    }

    /// An organization's name, or `None` when it was not loaded (or is gone).
    pub fn organization_name(&self, id: i32) -> Option<String> {
        self.organizations.get(&id).map(|o| o.name.clone())
    }
}
