//! The demo's access requests: two confirmed ones waiting in the operator's queue, a company
//! asking to become a partner and a person asking to join Solheim Eiendom. Written as confirmed
//! rows (no mail, no notice). Idempotent: skipped once any request exists.
use app::error::AppError;
use app::glossary::{AccessRequestKind, AccessRequestStatus, Lang};
use app::server::clock::now;
use app::server::entities::access_request as ar;
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, PaginatorTrait, Set};

/// Seeds them (see the module's doc).
pub async fn seed(db: &DatabaseConnection) -> Result<(), AppError> {
    if ar::Entity::find().count(db).await? > 0 {
        return Ok(());
    }
    let waiting = [
        (
            AccessRequestKind::Partner,
            "Vestland Visning AS",
            Some(("business:NO:ORG", "986105174")),
            "Vera Vestland",
            "vera@vestland-visning.example",
            "Booking of viewings for estate agents in Western Norway.",
            Lang::Nb,
        ),
        (
            AccessRequestKind::Join,
            "Solheim Eiendom",
            None,
            "Siri Solheim",
            "siri@solheim.example",
            "I run the Oslo office's marketing and need to review our integrations.",
            Lang::En,
        ),
    ];
    for (kind, org, business_id, name, email, message, lang) in waiting {
        ar::ActiveModel {
            kind: Set(kind),
            status: Set(AccessRequestStatus::New),
            organization_name: Set(org.into()),
            business_id_scheme: Set(business_id.map(|b| b.0.to_owned())),
            business_id: Set(business_id.map(|b| b.1.to_owned())),
            contact_name: Set(name.into()),
            email: Set(email.into()),
            message: Set(message.into()),
            locale: Set(Some(lang)),
            created_at: Set(now()),
            confirmed_at: Set(Some(now())),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(())
}
