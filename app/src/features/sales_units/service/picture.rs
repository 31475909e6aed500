//! A sales unit's logo: a PNG or JPEG, square or near, 100 to 1000 pixels on its longest side,
//! at most 256 KB. Checked by decoding it (a file that only claims to be a PNG is refused) and
//! stored re-encoded as a PNG of at most [`STORED_SIDE`] pixels, so what is served is always an
//! image Portico made itself, with no metadata or trailing payload of the upload.
use crate::error::AppError;
use crate::i18n::Lang;
use crate::t;
use image::{ImageFormat, ImageReader, Limits};
use std::io::Cursor;

/// The largest upload accepted.
pub const MAX_BYTES: usize = 256 * 1024;
/// The smallest side accepted.
pub const MIN_SIDE: u32 = 100;
/// The largest side accepted.
pub const MAX_SIDE: u32 = 1000;
/// The longest side of the stored logo.
pub const STORED_SIDE: u32 = 512;
/// How far from square a logo may be (longest side over shortest).
const MAX_RATIO: f32 = 1.25;

fn reader(data: &[u8], format: ImageFormat) -> ImageReader<Cursor<&[u8]>> {
    let mut r = ImageReader::with_format(Cursor::new(data), format);
    // The dimensions are checked before decoding; these bound what decoding may allocate anyway.
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(16 * 1024 * 1024);
    r.limits(limits);
    r
}

/// The logo to store (a PNG), or what is wrong with the upload, in `lang`.
pub fn normalize(lang: Lang, data: &[u8]) -> Result<Vec<u8>, AppError> {
    if data.is_empty() {
        return Err(AppError::invalid(t!(lang, "unit-logo-choose")));
    }
    if data.len() > MAX_BYTES {
        return Err(AppError::invalid(t!(
            lang,
            "logo-too-large",
            size = data.len().div_ceil(1024),
            max = MAX_BYTES / 1024,
        )));
    }
    let format = match image::guess_format(data) {
        Ok(f @ (ImageFormat::Png | ImageFormat::Jpeg)) => f,
        _ => return Err(AppError::invalid(t!(lang, "unit-logo-not-png-or-jpeg"))),
    };
    let unreadable = || AppError::invalid(t!(lang, "unit-logo-unreadable"));
    let (w, h) = ImageReader::with_format(Cursor::new(data), format)
        .into_dimensions()
        .map_err(|_| unreadable())?;
    let (long, short) = (w.max(h), w.min(h));
    if short < MIN_SIDE {
        return Err(AppError::invalid(t!(
            lang,
            "unit-logo-too-small",
            width = w,
            height = h,
            min = MIN_SIDE
        )));
    }
    if long > MAX_SIDE {
        return Err(AppError::invalid(t!(
            lang,
            "unit-logo-too-big",
            width = w,
            height = h,
            max = MAX_SIDE
        )));
    }
    if long as f32 / short as f32 > MAX_RATIO {
        return Err(AppError::invalid(t!(
            lang,
            "unit-logo-not-square",
            width = w,
            height = h
        )));
    }
    let mut img = reader(data, format).decode().map_err(|_| unreadable())?;
    if long > STORED_SIDE {
        img = img.resize(
            STORED_SIDE,
            STORED_SIDE,
            image::imageops::FilterType::Triangle,
        );
    }
    let mut out = Vec::new();
    img.write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
        .map_err(|_| unreadable())?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{DynamicImage, RgbaImage};

    fn encoded(w: u32, h: u32, format: ImageFormat) -> Vec<u8> {
        let img =
            DynamicImage::ImageRgba8(RgbaImage::from_pixel(w, h, image::Rgba([20, 90, 200, 255])));
        let img = if format == ImageFormat::Jpeg {
            DynamicImage::ImageRgb8(img.to_rgb8())
        } else {
            img
        };
        let mut out = Vec::new();
        img.write_to(&mut Cursor::new(&mut out), format).unwrap();
        out
    }

    fn refused(data: &[u8]) -> String {
        match normalize(Lang::En, data) {
            Err(AppError::Invalid(m)) => m,
            other => panic!("expected a refusal, got {:?}", other.map(|v| v.len())),
        }
    }

    #[test]
    fn good_logos_are_stored_as_png_no_larger_than_the_stored_side() {
        let small = normalize(Lang::En, &encoded(120, 100, ImageFormat::Png)).unwrap();
        let back = image::load_from_memory(&small).unwrap();
        assert_eq!((back.width(), back.height()), (120, 100));
        let jpeg = normalize(Lang::En, &encoded(900, 900, ImageFormat::Jpeg)).unwrap();
        assert_eq!(image::guess_format(&jpeg).unwrap(), ImageFormat::Png);
        let back = image::load_from_memory(&jpeg).unwrap();
        assert_eq!((back.width(), back.height()), (STORED_SIDE, STORED_SIDE));
    }

    #[test]
    fn bad_logos_are_refused_with_the_reason() {
        assert!(refused(b"").contains("Choose"));
        assert!(refused(&encoded(99, 99, ImageFormat::Png)).contains("at least 100"));
        assert!(refused(&encoded(1001, 1000, ImageFormat::Png)).contains("at most 1000"));
        assert!(refused(&encoded(400, 200, ImageFormat::Png)).contains("square"));
        assert!(refused(b"GIF89a\x01\x00\x01\x00").contains("PNG or JPEG"));
        assert!(refused(b"<svg xmlns='http://www.w3.org/2000/svg'/>").contains("PNG or JPEG"));
        // A file that claims to be a PNG (the signature) and is not one.
        let mut fake = b"\x89PNG\r\n\x1a\n".to_vec();
        fake.extend_from_slice(&[0x42; 2000]);
        assert!(refused(&fake).contains("could not be read"));
        // A real PNG cut short.
        let good = encoded(200, 200, ImageFormat::Png);
        assert!(refused(&good[..good.len() / 2]).contains("could not be read"));
        assert!(refused(&vec![0x89; MAX_BYTES + 1]).contains("256 KB"));
    }
}
