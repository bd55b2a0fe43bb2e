//! The one integration-test binary of this crate (one link, as ripgrep does).

mod check_synthetic;
mod common;
mod corpus;
mod localized;
mod probe10;
mod probe11;
mod probe12;
mod probe13;
mod probe13b;
mod probe14;
mod probe15;
mod probe16;
mod probe17;
mod probe18;
mod probe19;
mod probe20;
mod probe21;
mod probe22;
mod probe23;
mod props;
mod reading;
mod seed_article;
mod seed_full;
mod sentences;
mod shapes17;
mod shapes17_synthetic;
