//! What the sales units list's search box (and the Partner API's field filters) match, and the
//! trigram index that finds it without reading every installation.
//!
//! A search of three characters or more first asks the index (SQLite FTS5 with the trigram
//! tokenizer, PostgreSQL pg_trgm) which installations hold the text in their name or
//! installation ID, which belong to a customer whose name holds it, and which match an ID exactly
//! (by the unique indexes). When that narrows the
//! list to at most [`NARROW`] installations the page is read among those only; a shorter or a
//! broader text falls back to a scan in the list's order, which stops as soon as the page is full
//! (broad texts match early).
use crate::business_id::Scheme;
use crate::error::AppError;
use crate::server::db::statement;
use crate::server::entities::{installation, organization};
use sea_orm::sea_query::{Expr, ExprTrait, Func, LikeExpr, SimpleExpr};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseBackend, EntityTrait, QueryFilter,
    QuerySelect, QueryTrait,
};

/// The most installations a search narrows to by the index; beyond it the list scans.
pub const NARROW: usize = 1000;

/// Which parts of a sales unit a search looks at.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Parts {
    /// The name, the installation ID and the customer's name (the search box).
    Any,
    /// The name only (the Partner API's `name` filter).
    Name,
}

/// What one search text matches, prepared once.
pub struct Search {
    /// The text, trimmed and cut to 200 characters.
    text: String,
    /// `%text%`, lower case, LIKE wildcards escaped.
    pattern: String,
    /// The text as an installation ID (upper case).
    pub installation_id: String,
    /// The text as a business identifier's ID, in its stored forms.
    business_ids: Vec<String>,
    /// The installations the index found, when it narrowed them enough.
    narrowed: Option<Narrowed>,
}

/// The installations a search matches, found by the index (row IDs, sorted): a list of row IDs
/// lets the database fetch them by key rather than walk the whole list testing each.
struct Narrowed {
    /// Exact matches on an ID (installation ID or the customer's business identifier).
    exact: Vec<i32>,
    /// Every match, the exact ones included.
    any: Vec<i32>,
}

impl Search {
    /// The search for `q`, or `None` when it is blank.
    pub fn new(q: &str) -> Option<Search> {
        let text: String = q.trim().chars().take(200).collect();
        if text.is_empty() {
            return None;
        }
        let escaped: String = text
            .to_lowercase()
            .chars()
            .flat_map(|c| match c {
                '%' | '_' | '\\' => vec!['\\', c],
                c => vec![c],
            })
            .collect();
        // "business:NO:ORG 923609016" as the list shows it, or only the number.
        let id_part = match text.split_once(' ') {
            Some((scheme, rest)) if Scheme::parse(scheme).is_some() => rest,
            _ => text.as_str(),
        };
        let compact: String = id_part
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '.')
            .collect();
        let mut business_ids = vec![compact.clone()];
        if compact.len() == 8 && compact.bytes().all(|b| b.is_ascii_digit()) {
            // A Finnish business ID typed without its hyphen.
            business_ids.push(format!("{}-{}", &compact[..7], &compact[7..]));
        }
        Some(Search {
            pattern: format!("%{escaped}%"),
            installation_id: text.to_uppercase(),
            text,
            business_ids,
            narrowed: None,
        })
    }

    /// The same search, narrowed by the index to the installations holding the text in `parts`
    /// when there are few enough of them.
    pub async fn narrow(
        mut self,
        db: &impl ConnectionTrait,
        parts: Parts,
    ) -> Result<Self, AppError> {
        self.narrowed = candidates(db, &self, parts).await?;
        Ok(self)
    }

    fn customers_where(&self, cond: Condition) -> SimpleExpr {
        let ids = organization::Entity::find()
            .select_only()
            .column(organization::Column::Id)
            .filter(cond)
            .into_query();
        installation::Column::CustomerId.in_subquery(ids)
    }

    /// `col` holds the text (case-insensitively).
    fn like(&self, col: SimpleExpr) -> SimpleExpr {
        Expr::expr(Func::lower(col)).like(LikeExpr::new(&self.pattern).escape('\\'))
    }

    /// The customer's name holds the text.
    pub fn customer_named(&self) -> SimpleExpr {
        self.customers_where(
            Condition::all().add(
                self.like(Expr::col((organization::Entity, organization::Column::Name)).into()),
            ),
        )
    }

    /// The customer's business identifier is the text.
    pub fn business_identifier(&self) -> SimpleExpr {
        self.customers_where(
            Condition::all().add(organization::Column::BusinessId.is_in(self.business_ids.clone())),
        )
    }

    /// An exact match on an ID: these rank first.
    pub fn exact(&self) -> Condition {
        match &self.narrowed {
            Some(n) => Condition::all().add(installation::Column::Id.is_in(n.exact.clone())),
            None => Condition::any()
                .add(installation::Column::InstallationId.eq(&self.installation_id))
                .add(self.business_identifier()),
        }
    }

    /// The sales unit's name holds the text.
    pub fn name_matches(&self) -> Condition {
        match &self.narrowed {
            Some(n) => Condition::all().add(installation::Column::Id.is_in(n.any.clone())),
            None => Condition::all().add(self.like(unit_column(installation::Column::Name))),
        }
    }

    /// Any match: a part of a name, installation ID or customer's name, or an exact business
    /// identifier.
    pub fn any(&self) -> Condition {
        match &self.narrowed {
            Some(n) => Condition::all().add(installation::Column::Id.is_in(n.any.clone())),
            None => Condition::any()
                .add(self.exact())
                .add(self.like(unit_column(installation::Column::Name)))
                .add(self.like(unit_column(installation::Column::InstallationId)))
                .add(self.customer_named()),
        }
    }
}

fn unit_column(c: installation::Column) -> SimpleExpr {
    Expr::col((installation::Entity, c)).into()
}

/// The installations the search matches in `parts`, by the index and the ID indexes, in one
/// statement; or `None` when the text is too short for trigrams or more than [`NARROW`]
/// installations match.
async fn candidates(
    db: &impl ConnectionTrait,
    search: &Search,
    parts: Parts,
) -> Result<Option<Narrowed>, AppError> {
    // Control characters (NUL above all) are left to the scan, which treats them as plain text.
    if search.text.chars().count() < 3 || search.text.chars().any(char::is_control) {
        return Ok(None);
    }
    let postgres = db.get_database_backend() == DatabaseBackend::Postgres;
    let (units, unit_value) = match (postgres, parts) {
        (true, Parts::Any) => (
            "SELECT id, 0 AS is_exact FROM installations WHERE lower(name) LIKE $1 ESCAPE '\\' \
             OR lower(installation_id) LIKE $1 ESCAPE '\\'",
            search.pattern.clone(),
        ),
        (true, Parts::Name) => (
            "SELECT id, 0 AS is_exact FROM installations WHERE lower(name) LIKE $1 ESCAPE '\\'",
            search.pattern.clone(),
        ),
        // A phrase of three characters or more matches wherever it occurs in the column; the
        // trigram tokenizer folds case for every script, not only ASCII.
        (false, Parts::Any) => (
            "SELECT rowid AS id, 0 AS is_exact FROM installation_search \
             WHERE installation_search MATCH $1",
            format!("{{installation_id name}} : {}", phrase(&search.text)),
        ),
        (false, Parts::Name) => (
            "SELECT rowid AS id, 0 AS is_exact FROM installation_search \
             WHERE installation_search MATCH $1",
            format!("name : {}", phrase(&search.text)),
        ),
    };
    let mut values: Vec<sea_orm::Value> = vec![unit_value.into()];
    let sql = match parts {
        Parts::Any => {
            values.push(search.pattern.clone().into());
            values.push(search.installation_id.clone().into());
            let business: Vec<String> = search
                .business_ids
                .iter()
                .enumerate()
                .map(|(n, id)| {
                    values.push(id.clone().into());
                    format!("${}", n + 4)
                })
                .collect();
            format!(
                // `IN (sub-select)`, not a join: without statistics SQLite would drive a join
                // from installations and read every one.
                "{units} UNION ALL SELECT id, 0 FROM installations WHERE customer_id IN \
                 (SELECT id FROM organizations WHERE lower(name) LIKE $2 ESCAPE '\\') \
                 UNION ALL SELECT id, 1 FROM installations WHERE installation_id = $3 \
                 UNION ALL SELECT id, 1 FROM installations WHERE customer_id IN \
                 (SELECT id FROM organizations WHERE business_id IN ({})) \
                 LIMIT {}",
                business.join(", "),
                NARROW + 1
            )
        }
        Parts::Name => format!("{units} LIMIT {}", NARROW + 1),
    };
    let rows = db.query_all_raw(statement(db, &sql, values)).await?;
    if rows.len() > NARROW {
        return Ok(None);
    }
    let (mut exact, mut any) = (Vec::new(), Vec::new());
    for r in &rows {
        let id: i32 = r.try_get("", "id")?;
        if r.try_get::<i32>("", "is_exact")? == 1 {
            exact.push(id);
        }
        any.push(id);
    }
    for ids in [&mut exact, &mut any] {
        ids.sort_unstable();
        ids.dedup();
    }
    Ok(Some(Narrowed { exact, any }))
}

/// The text as one FTS5 string: inside double quotes every character is literal but the quote,
/// which is doubled.
fn phrase(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}
