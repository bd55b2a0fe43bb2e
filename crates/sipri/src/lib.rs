//! SIPRI's export formats, the name resolver and the synthetic generator.
