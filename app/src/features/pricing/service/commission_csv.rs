//! Commission statements as CSV: what the operator uploads and the partner downloads, the
//! same five columns (`installation_id,price_package,volume,commission,currency`) with
//! amounts as decimals (`1234.50`). A file saved by a spreadsheet in Norwegian (semicolons,
//! decimal commas, a byte order mark) reads as well.
use crate::error::AppError;
use crate::features::pricing::dto::CommissionRowInput;
use crate::i18n::Lang;
use crate::money::{minor_units, Money};
use crate::t;

/// The header line, as files carry it.
pub const HEADER: [&str; 5] = [
    "installation_id",
    "price_package",
    "volume",
    "commission",
    "currency",
];

/// The rows of an uploaded file, every unreadable line named (all or nothing).
pub fn parse(lang: Lang, text: &str) -> Result<Vec<CommissionRowInput>, AppError> {
    let text = text.trim_start_matches('\u{feff}');
    let first = text.lines().next().unwrap_or("");
    // Spreadsheets set to Norwegian separate with semicolons and write decimal commas.
    let semicolons = first.contains(';') && !first.contains(',');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(if semicolons { b';' } else { b',' })
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header_ok = match records.next() {
        Some(Ok(h)) => h
            .iter()
            .map(str::to_lowercase)
            .eq(HEADER.iter().map(|s| s.to_string())),
        _ => false,
    };
    if !header_ok {
        return Err(AppError::invalid(t!(
            lang,
            "commission-csv-header",
            header = HEADER.join(",")
        )));
    }
    let amount = |s: &str| {
        let s = if semicolons {
            s.replace(',', ".")
        } else {
            s.to_owned()
        };
        minor_units(&s)
    };
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for (i, record) in records.enumerate() {
        let line = t!(lang, "commission-line", n = i + 2);
        let r = match record {
            Ok(r) => r,
            Err(_) => {
                errors.push(format!("{line}: {}", t!(lang, "commission-csv-unreadable")));
                continue;
            }
        };
        if r.iter().all(str::is_empty) {
            continue;
        }
        if r.len() != HEADER.len() {
            errors.push(format!(
                "{line}: {}",
                t!(lang, "commission-csv-columns", count = r.len())
            ));
            continue;
        }
        match (amount(&r[2]), amount(&r[3])) {
            (Some(volume), Some(commission)) => rows.push(CommissionRowInput {
                installation_id: r[0].to_owned(),
                price_package: r[1].to_owned(),
                volume,
                commission,
                currency: r[4].to_uppercase(),
            }),
            (volume, _) => {
                let bad = if volume.is_none() { &r[2] } else { &r[3] };
                errors.push(format!(
                    "{line}: {}",
                    t!(lang, "commission-csv-amount", value = bad.to_owned())
                ));
            }
        }
        if errors.len() > 10 {
            break;
        }
    }
    if !errors.is_empty() {
        let mut text = t!(lang, "commission-rows-invalid", count = errors.len());
        text.push(' ');
        text.push_str(&errors.join("; "));
        return Err(AppError::invalid(text));
    }
    Ok(rows)
}

/// A statement's rows as a CSV file, in the upload's format.
pub fn render(rows: &[(String, String, Money, Money)]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut write = || -> Result<Vec<u8>, csv::Error> {
        w.write_record(HEADER)?;
        for (id, package, volume, commission) in rows {
            w.write_record([
                id.as_str(),
                package.as_str(),
                &volume.decimal(),
                &commission.decimal(),
                volume.currency.as_str(),
            ])?;
        }
        w.flush()?;
        Ok(w.get_ref().clone())
    };
    // Writing to memory cannot fail; an empty file would say so plainly if it ever did.
    String::from_utf8(write().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::Currency;

    #[test]
    fn a_file_reads_as_its_rows_and_back() {
        let text = "\u{feff}installation_id,price_package,volume,commission,currency\n\
                    HAV01,Standard,1234.50,37.04,NOK\n\n\"HAV02\",\"Standard, old\",0,-1.5,nok\n";
        let rows = parse(Lang::En, text).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].volume, rows[0].commission), (123_450, 3_704));
        assert_eq!(
            (rows[1].price_package.as_str(), rows[1].commission),
            ("Standard, old", -150)
        );
        let nok = |m| Money {
            minor: m,
            currency: Currency::Nok,
        };
        let out = render(&[("HAV02".into(), "Standard, old".into(), nok(0), nok(-150))]);
        assert_eq!(out, "installation_id,price_package,volume,commission,currency\nHAV02,\"Standard, old\",0.00,-1.50,NOK\n");
        let again = parse(Lang::En, &out).unwrap();
        assert_eq!(again[0].commission, -150);
    }

    #[test]
    fn a_norwegian_spreadsheet_reads_too() {
        let text = "installation_id;price_package;volume;commission;currency\nHAV01;Standard;1234,50;37,04;NOK\n";
        let rows = parse(Lang::Nb, text).unwrap();
        assert_eq!((rows[0].volume, rows[0].commission), (123_450, 3_704));
    }

    #[test]
    fn every_bad_line_is_named() {
        let err = parse(Lang::En, "id,volume\nHAV01,1\n").unwrap_err();
        assert!(err
            .message(Lang::En)
            .contains("installation_id,price_package,volume,commission,currency"));
        let text = "installation_id,price_package,volume,commission,currency\n\
                    HAV01,Standard,12.345,1,NOK\nHAV02,Standard,1,1\nHAV03,Standard,1 000,1,NOK\n";
        let msg = parse(Lang::En, text).unwrap_err().message(Lang::En);
        assert!(msg.contains("Line 2") && msg.contains("12.345"), "{msg}");
        assert!(msg.contains("Line 3") && msg.contains("4 columns"), "{msg}");
        assert!(msg.contains("Line 4") && msg.contains("1 000"), "{msg}");
    }
}
