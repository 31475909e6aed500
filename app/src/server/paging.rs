//! Newest-first cursor pages by row ID, the same for every list that grows without bound
//! (orders, product orders): a page reads `size + 1` rows, and the next page starts below the
//! last one shown, so a page stays the same while new rows arrive.
use crate::error::AppError;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Select,
};

/// The row ID a cursor names (`Ok(None)` for no cursor), or `bad` when it names none.
pub fn cursor(raw: &str, bad: impl FnOnce() -> AppError) -> Result<Option<i32>, AppError> {
    match raw.trim() {
        "" => Ok(None),
        s => s.parse().map(Some).map_err(|_| bad()),
    }
}

/// At most `size` rows of `select` below the row `after` (if any), newest first by `id`, and
/// where the next page starts.
pub async fn newest_first<E: EntityTrait>(
    db: &impl ConnectionTrait,
    select: Select<E>,
    id: E::Column,
    after: Option<i32>,
    size: usize,
    id_of: impl Fn(&E::Model) -> i32,
) -> Result<(Vec<E::Model>, Option<String>), AppError> {
    let select = match after {
        Some(a) => select.filter(id.lt(a)),
        None => select,
    };
    let mut rows = select
        .order_by_desc(id)
        .limit(size as u64 + 1)
        .all(db)
        .await?;
    let next = (rows.len() > size).then(|| id_of(&rows[size - 1]).to_string());
    rows.truncate(size);
    Ok((rows, next))
}
