//! SVG to PNG with `resvg`, text set in the bundled DejaVu Sans: the font is
//! compiled in (assets/fonts/, with its licence) and is the only font the
//! renderer knows, so a PNG looks the same on every machine and never reads
//! the host's font files.

use resvg::{tiny_skia, usvg};
use std::sync::{Arc, OnceLock};

/// DejaVu Sans (Bitstream Vera licence: assets/fonts/LICENSE-DejaVu.txt).
pub static FONT_BYTES: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// PNG width when none is asked for.
pub const DEFAULT_WIDTH: u32 = 1440;
/// Narrowest and widest PNG served.
pub const MIN_WIDTH: u32 = 200;
pub const MAX_WIDTH: u32 = 4096;
/// Largest image in pixels (width times height): bounds memory per request
/// (4 bytes a pixel while rendering, 64 MiB at most).
pub const MAX_PIXELS: u64 = 16 * 1024 * 1024;

/// The font database, loaded once: the bundled font only.
fn fontdb() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(FONT_BYTES.to_vec());
        for set in [
            usvg::fontdb::Database::set_sans_serif_family,
            usvg::fontdb::Database::set_serif_family,
            usvg::fontdb::Database::set_monospace_family,
            usvg::fontdb::Database::set_cursive_family,
            usvg::fontdb::Database::set_fantasy_family,
        ] {
            set(&mut db, super::document::FONT);
        }
        Arc::new(db)
    })
    .clone()
}

/// Why a PNG could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PngError {
    #[error("the chart is not valid SVG: {0}")]
    Parse(String),
    #[error(
        "a {width} px wide PNG of this chart would be {height} px high, over the limit of {MAX_PIXELS} pixels: ask for a smaller width"
    )]
    TooLarge { width: u32, height: u32 },
    #[error("cannot encode the PNG: {0}")]
    Encode(String),
}

/// Renders `svg` to a PNG `width` pixels wide (height to scale), on white.
pub fn render(svg: &str, width: u32) -> Result<Vec<u8>, PngError> {
    let opt = usvg::Options {
        font_family: super::document::FONT.to_string(),
        fontdb: fontdb(),
        ..Default::default()
    };
    let tree = usvg::Tree::from_str(svg, &opt).map_err(|e| PngError::Parse(e.to_string()))?;
    let size = tree.size();
    let scale = width as f32 / size.width();
    let height = (size.height() * scale).ceil().max(1.0) as u32;
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(PngError::TooLarge { width, height });
    }
    let mut pixmap =
        tiny_skia::Pixmap::new(width, height).ok_or(PngError::TooLarge { width, height })?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    encode(&pixmap)
}

/// 8-bit RGB PNG with fast deflate. The pixmap was filled opaque white
/// before drawing, so every pixel is opaque and premultiplied RGBA is plain
/// RGBA: dropping alpha loses nothing.
fn encode(pixmap: &tiny_skia::Pixmap) -> Result<Vec<u8>, PngError> {
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|p| [p[0], p[1], p[2]])
        .collect();
    let mut out = Vec::with_capacity(rgb.len() / 8);
    let mut enc = ::png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    enc.set_color(::png::ColorType::Rgb);
    enc.set_depth(::png::BitDepth::Eight);
    enc.set_compression(::png::Compression::Fast);
    let err = |e: ::png::EncodingError| PngError::Encode(e.to_string());
    let mut w = enc.write_header().map_err(err)?;
    w.write_image_data(&rgb).map_err(err)?;
    w.finish().map_err(err)?;
    Ok(out)
}

/// Milliseconds spent parsing (text shaped to paths), rasterising and
/// encoding `svg` at `width`: for the benchmark (examples/bench_png.rs).
pub fn phases(svg: &str, width: u32) -> (f64, f64, f64) {
    let ms = |t: std::time::Instant| t.elapsed().as_secs_f64() * 1e3;
    let t = std::time::Instant::now();
    let opt = usvg::Options {
        font_family: super::document::FONT.to_string(),
        fontdb: fontdb(),
        ..Default::default()
    };
    let tree = usvg::Tree::from_str(svg, &opt).expect("valid SVG");
    let parse = ms(t);
    let t = std::time::Instant::now();
    let scale = width as f32 / tree.size().width();
    let height = (tree.size().height() * scale).ceil() as u32;
    let mut pixmap = tiny_skia::Pixmap::new(width, height).expect("size");
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    let raster = ms(t);
    let t = std::time::Instant::now();
    let _ = encode(&pixmap);
    (parse, raster, ms(t))
}

/// `(width, height)` from a PNG's IHDR chunk, if `bytes` starts like a PNG.
pub fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    const SIG: &[u8] = b"\x89PNG\r\n\x1a\n";
    if bytes.len() < 24 || &bytes[..8] != SIG || &bytes[12..16] != b"IHDR" {
        return None;
    }
    let w = u32::from_be_bytes(bytes[16..20].try_into().ok()?);
    let h = u32::from_be_bytes(bytes[20..24].try_into().ok()?);
    Some((w, h))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_text_with_the_bundled_font() {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"50\">\
<text x=\"5\" y=\"30\" font-size=\"20\">Türkiye</text></svg>";
        let png = render(svg, 300).unwrap();
        assert_eq!(png_size(&png), Some((300, 150)));
        // Without a font the text would be dropped and the image blank.
        let blank = render(&svg.replace("Türkiye", ""), 300).unwrap();
        assert_ne!(png, blank, "the text was not drawn");
        assert!(fontdb().len() == 1, "only the bundled font is known");
    }

    #[test]
    fn refuses_huge_images() {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"1000\"></svg>";
        assert!(matches!(render(svg, 4096), Err(PngError::TooLarge { .. })));
    }
}
