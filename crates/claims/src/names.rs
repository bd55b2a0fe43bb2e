//! Country names in claims: user input through the SIPRI name resolver, and
//! names, aliases and demonym adjectives in running English and German text.
//!
//! Text matching uses its own index over the resolver's names and aliases
//! (not `Resolver::lookup`), because a failed lookup computes "did you mean"
//! suggestions, far too slow for every word of an article, and because text
//! must not match SIPRI's legacy codes (`SA`, `CAN`) by accident.

use crate::claim::Party;
use sipri::names::{Resolver, loose};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Demonym adjectives, by stem (German stems take the endings -e, -er, -en,
/// -em, -es). Keys are entity keys of the name table. Our own small list: the
/// major suppliers and recipients plus Central Asia, where the seed article is.
const DEMONYMS: &[(&str, &str)] = &[
    // German stems
    ("russisch", "RUS"),
    ("sowjetisch", "SUHH"),
    ("kasachisch", "KAZ"),
    ("amerikanisch", "USA"),
    ("us-amerikanisch", "USA"),
    ("israelisch", "ISR"),
    ("turkisch", "TUR"),
    ("chinesisch", "CHN"),
    ("franzosisch", "FRA"),
    ("deutsch", "DEU"),
    ("spanisch", "ESP"),
    ("sudafrikanisch", "ZAF"),
    ("indisch", "IND"),
    ("ukrainisch", "UKR"),
    ("britisch", "GBR"),
    ("italienisch", "ITA"),
    ("sudkoreanisch", "KOR"),
    ("nordkoreanisch", "PRK"),
    ("saudisch", "SAU"),
    ("saudi-arabisch", "SAU"),
    ("agyptisch", "EGY"),
    ("algerisch", "DZA"),
    ("belarussisch", "BLR"),
    ("weissrussisch", "BLR"),
    ("pakistanisch", "PAK"),
    ("katarisch", "QAT"),
    ("japanisch", "JPN"),
    ("polnisch", "POL"),
    ("niederlandisch", "NLD"),
    ("schwedisch", "SWE"),
    ("norwegisch", "NOR"),
    ("australisch", "AUS"),
    ("kanadisch", "CAN"),
    ("iranisch", "IRN"),
    ("emiratisch", "ARE"),
    ("usbekisch", "UZB"),
    ("kirgisisch", "KGZ"),
    ("tadschikisch", "TJK"),
    ("turkmenisch", "TKM"),
    ("armenisch", "ARM"),
    ("aserbaidschanisch", "AZE"),
    ("georgisch", "GEO"),
    ("vietnamesisch", "VNM"),
    ("indonesisch", "IDN"),
    ("brasilianisch", "BRA"),
    ("serbisch", "SRB"),
    ("griechisch", "GRC"),
    ("tschechisch", "CZE"),
    ("schweizerisch", "CHE"),
    ("osterreichisch", "AUT"),
    ("syrisch", "SYR"),
    ("irakisch", "IRQ"),
    ("marokkanisch", "MAR"),
    ("philippinisch", "PHL"),
    ("myanmarisch", "MMR"),
    ("taiwanisch", "TWN"),
    ("kuwaitisch", "KWT"),
    ("bangladeschisch", "BGD"),
    ("thailandisch", "THA"),
    ("singapurisch", "SGP"),
    ("malaysisch", "MYS"),
    ("nigerianisch", "NGA"),
    ("athiopisch", "ETH"),
    ("kolumbianisch", "COL"),
    ("mexikanisch", "MEX"),
    ("chilenisch", "CHL"),
    ("argentinisch", "ARG"),
    ("peruanisch", "PER"),
    ("venezolanisch", "VEN"),
    ("ungarisch", "HUN"),
    ("rumanisch", "ROU"),
    ("bulgarisch", "BGR"),
    ("portugiesisch", "PRT"),
    ("belgisch", "BEL"),
    ("danisch", "DNK"),
    ("finnisch", "FIN"),
    ("irisch", "IRL"),
    ("estnisch", "EST"),
    ("lettisch", "LVA"),
    ("litauisch", "LTU"),
    ("slowakisch", "SVK"),
    ("kroatisch", "HRV"),
    ("jordanisch", "JOR"),
    ("libanesisch", "LBN"),
    ("libysch", "LBY"),
    ("tunesisch", "TUN"),
    ("omanisch", "OMN"),
    ("bahrainisch", "BHR"),
    ("jemenitisch", "YEM"),
    ("afghanisch", "AFG"),
    ("mongolisch", "MNG"),
    ("kenianisch", "KEN"),
    ("angolanisch", "AGO"),
    ("sudanesisch", "SDN"),
    ("neuseelandisch", "NZL"),
    // English (uninflected)
    ("russian", "RUS"),
    ("soviet", "SUHH"),
    ("kazakh", "KAZ"),
    ("kazakhstani", "KAZ"),
    ("american", "USA"),
    ("us", "USA"),
    ("u.s.", "USA"),
    ("israeli", "ISR"),
    ("turkish", "TUR"),
    ("chinese", "CHN"),
    ("french", "FRA"),
    ("german", "DEU"),
    ("spanish", "ESP"),
    ("south african", "ZAF"),
    ("indian", "IND"),
    ("ukrainian", "UKR"),
    ("british", "GBR"),
    ("uk", "GBR"),
    ("italian", "ITA"),
    ("south korean", "KOR"),
    ("north korean", "PRK"),
    ("saudi", "SAU"),
    ("egyptian", "EGY"),
    ("algerian", "DZA"),
    ("belarusian", "BLR"),
    ("belarussian", "BLR"),
    ("pakistani", "PAK"),
    ("qatari", "QAT"),
    ("japanese", "JPN"),
    ("polish", "POL"),
    ("dutch", "NLD"),
    ("swedish", "SWE"),
    ("norwegian", "NOR"),
    ("australian", "AUS"),
    ("canadian", "CAN"),
    ("iranian", "IRN"),
    ("emirati", "ARE"),
    ("uzbek", "UZB"),
    ("kyrgyz", "KGZ"),
    ("tajik", "TJK"),
    ("turkmen", "TKM"),
    ("armenian", "ARM"),
    ("azerbaijani", "AZE"),
    ("georgian", "GEO"),
    ("vietnamese", "VNM"),
    ("indonesian", "IDN"),
    ("brazilian", "BRA"),
    ("serbian", "SRB"),
    ("greek", "GRC"),
    ("czech", "CZE"),
    ("swiss", "CHE"),
    ("austrian", "AUT"),
    ("syrian", "SYR"),
    ("iraqi", "IRQ"),
    ("moroccan", "MAR"),
    ("philippine", "PHL"),
    ("taiwanese", "TWN"),
    ("kuwaiti", "KWT"),
    ("bangladeshi", "BGD"),
    ("thai", "THA"),
    ("singaporean", "SGP"),
    ("malaysian", "MYS"),
    ("nigerian", "NGA"),
    ("ethiopian", "ETH"),
    ("colombian", "COL"),
    ("mexican", "MEX"),
    ("chilean", "CHL"),
    ("argentine", "ARG"),
    ("argentinian", "ARG"),
    ("peruvian", "PER"),
    ("venezuelan", "VEN"),
    ("hungarian", "HUN"),
    ("romanian", "ROU"),
    ("bulgarian", "BGR"),
    ("portuguese", "PRT"),
    ("belgian", "BEL"),
    ("danish", "DNK"),
    ("finnish", "FIN"),
    ("irish", "IRL"),
    ("estonian", "EST"),
    ("latvian", "LVA"),
    ("lithuanian", "LTU"),
    ("slovak", "SVK"),
    ("croatian", "HRV"),
    ("jordanian", "JOR"),
    ("lebanese", "LBN"),
    ("libyan", "LBY"),
    ("tunisian", "TUN"),
    ("omani", "OMN"),
    ("bahraini", "BHR"),
    ("yemeni", "YEM"),
    ("afghan", "AFG"),
    ("mongolian", "MNG"),
    ("kenyan", "KEN"),
    ("angolan", "AGO"),
    ("sudanese", "SDN"),
];

/// German inflected names: (form, entity key).
const EXTRA_FORMS: &[(&str, &str)] = &[
    ("Vereinigte Königreich", "GBR"),
    ("Vereinigten Königreich", "GBR"),
    ("Vereinigten Königreichs", "GBR"),
];

/// German adjective endings tried after a stem.
const DE_ENDINGS: [&str; 6] = ["", "e", "er", "en", "em", "es"];

/// Names for claims: the resolver plus a text index.
pub struct Names {
    resolver: &'static Resolver,
    /// `loose(name or alias or ISO3)` → entity key.
    text: HashMap<String, String>,
    /// `fold(demonym)` → entity key.
    demonyms: HashMap<String, String>,
    /// Longest name in words, bounds the n-gram search.
    max_words: usize,
}

impl Names {
    /// Over the built-in name table, built once.
    pub fn builtin() -> &'static Names {
        static N: OnceLock<Names> = OnceLock::new();
        N.get_or_init(|| Names::new(Resolver::builtin()))
    }

    pub fn new(resolver: &'static Resolver) -> Names {
        let mut text = HashMap::new();
        let mut max_words = 1;
        for e in resolver.entities() {
            if e.kind == model::EntityKind::Unknown {
                continue;
            }
            let mut forms: Vec<String> = resolver
                .aliases(&e.key)
                .iter()
                .map(|s| s.to_string())
                .collect();
            if let Some(iso) = &e.iso3 {
                forms.push(iso.clone());
            }
            for f in forms {
                let k = loose(&f);
                if k.is_empty() {
                    continue;
                }
                max_words = max_words.max(k.split(' ').count());
                text.entry(k).or_insert_with(|| e.key.clone());
            }
        }
        // Inflected forms the name table lacks: "das Vereinigte Königreich"
        // (the table has only "Vereinigtes Königreich"; claims probe 13).
        for (form, key) in EXTRA_FORMS {
            if resolver.by_key(key).is_some() {
                text.entry(loose(form)).or_insert_with(|| key.to_string());
            }
        }
        let mut demonyms = HashMap::new();
        for (stem, key) in DEMONYMS {
            if resolver.by_key(key).is_none() {
                continue;
            }
            let german = !stem.is_ascii() || stem.ends_with("isch") || *stem == "deutsch";
            if german {
                for end in DE_ENDINGS {
                    demonyms.insert(format!("{stem}{end}"), key.to_string());
                }
            } else {
                demonyms.insert(stem.to_string(), key.to_string());
            }
        }
        Names {
            resolver,
            text,
            demonyms,
            max_words: max_words.min(6),
        }
    }

    pub fn resolver(&self) -> &'static Resolver {
        self.resolver
    }

    fn party(&self, key: &str) -> Option<Party> {
        self.resolver
            .by_key(key)
            .map(|e| Party::new(&e.key, &e.name))
    }

    /// User input (structured claims): any spelling, alias, ISO3 or SIPRI code.
    /// On failure, up to five suggestions.
    pub fn lookup(&self, query: &str) -> Result<Party, Vec<String>> {
        self.resolver
            .lookup(query)
            .map(|e| Party::new(&e.key, &e.name))
    }

    /// An exact name or alias (case-, accent- and punctuation-insensitive) as
    /// found in running text. The caller decides which word spans to try.
    pub fn in_text(&self, phrase: &str) -> Option<Party> {
        let k = loose(phrase);
        self.text.get(&k).and_then(|key| self.party(key))
    }

    /// A demonym adjective (`russischer`, `Russian`, `South African`).
    pub fn demonym(&self, word: &str) -> Option<Party> {
        let k = sipri::names::fold(word);
        self.demonyms.get(&k).and_then(|key| self.party(key))
    }

    pub fn max_words(&self) -> usize {
        self.max_words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_names_and_demonyms() {
        let n = Names::builtin();
        assert_eq!(n.in_text("Kasachstan").unwrap().key, "KAZ");
        assert_eq!(n.in_text("Türkei").unwrap().key, "TUR");
        assert_eq!(n.in_text("United States").unwrap().key, "USA");
        assert_eq!(n.in_text("US").unwrap().key, "USA");
        assert!(n.in_text("Land").is_none());
        assert_eq!(n.demonym("russischer").unwrap().key, "RUS");
        assert_eq!(n.demonym("Russian").unwrap().key, "RUS");
        assert_eq!(n.demonym("türkischen").unwrap().key, "TUR");
        assert_eq!(n.demonym("South African").unwrap().key, "ZAF");
        assert_eq!(n.demonym("deutschen").unwrap().key, "DEU");
        assert!(n.demonym("russ").is_none());
        assert_eq!(n.lookup("kasachstan").unwrap().key, "KAZ");
        assert!(n.lookup("Kasachstn").is_err());
    }
}
