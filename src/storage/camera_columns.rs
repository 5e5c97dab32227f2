//! The camera fields a column of an inventory can fill, and the guess of which column fills
//! which from the header's words (French open data, GIS exports, our own export), accents and
//! case aside.

/// A camera field a column can fill.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CameraField {
    /// The camera's id (required).
    Id,
    /// Location.
    Location,
    /// Perimeter.
    Perimeter,
    /// Kind (fixed, PTZ…).
    Kind,
    /// Coupled to analytics (yes/no).
    Analytics,
    /// Purposes (1°…11°, stat, autre).
    Purposes,
    /// Views dwellings (yes/no).
    Dwellings,
    /// Privacy masking (yes/no).
    Masking,
    /// Notes.
    Notes,
    /// The third party operating the camera, if not the controller.
    Operator,
    /// When it was put into service (« Date de mise en service »).
    Commissioned,
    /// Position on the perimeter's plan, pixels from the left.
    X,
    /// Position on the perimeter's plan, pixels from the top.
    Y,
    /// Latitude, degrees north (WGS 84).
    Latitude,
    /// Longitude, degrees east (WGS 84).
    Longitude,
    /// Lambert-93 easting in metres (EPSG:2154, `x_l93`).
    XLambert93,
    /// Lambert-93 northing in metres (EPSG:2154, `y_l93`).
    YLambert93,
    /// Where it films: public road, outside, inside (`setting`).
    Setting,
    /// Where the camera looks, degrees clockwise from north (the top of the plan).
    Direction,
    /// Angle of view, degrees.
    Angle,
    /// Useful range, metres.
    Range,
}

impl CameraField {
    /// The field's name on the command line (`--map COLUMN=FIELD`): `id`, `location`,
    /// `perimeter`, `kind`, `analytics`, `purposes`, `dwellings`, `masking`, `notes`,
    /// `operator`, `commissioned`, `setting`, `x`, `y`, `latitude`, `longitude`, `x_l93`,
    /// `y_l93`, `direction`, `angle`, `range`.
    pub fn name(self) -> &'static str {
        match self {
            CameraField::Id => "id",
            CameraField::Location => "location",
            CameraField::Perimeter => "perimeter",
            CameraField::Kind => "kind",
            CameraField::Analytics => "analytics",
            CameraField::Purposes => "purposes",
            CameraField::Dwellings => "dwellings",
            CameraField::Masking => "masking",
            CameraField::Notes => "notes",
            CameraField::Operator => "operator",
            CameraField::Commissioned => "commissioned",
            CameraField::Setting => "setting",
            CameraField::X => "x",
            CameraField::Y => "y",
            CameraField::Latitude => "latitude",
            CameraField::Longitude => "longitude",
            CameraField::XLambert93 => "x_l93",
            CameraField::YLambert93 => "y_l93",
            CameraField::Direction => "direction",
            CameraField::Angle => "angle",
            CameraField::Range => "range",
        }
    }

    /// The field of that command-line name.
    pub fn from_name(name: &str) -> Option<CameraField> {
        let name = name.trim().to_lowercase();
        CameraField::ALL.into_iter().find(|f| f.name() == name)
    }

    /// Every field, in the order of the inventory.
    pub const ALL: [CameraField; 21] = [
        CameraField::Id,
        CameraField::Location,
        CameraField::Perimeter,
        CameraField::Kind,
        CameraField::Analytics,
        CameraField::Purposes,
        CameraField::Dwellings,
        CameraField::Masking,
        CameraField::Notes,
        CameraField::Operator,
        CameraField::Commissioned,
        CameraField::Setting,
        CameraField::X,
        CameraField::Y,
        CameraField::Latitude,
        CameraField::Longitude,
        CameraField::XLambert93,
        CameraField::YLambert93,
        CameraField::Direction,
        CameraField::Angle,
        CameraField::Range,
    ];

    /// Header words that name this field (lower case, without accents).
    fn header_words(self) -> &'static [&'static str] {
        match self {
            CameraField::Id => &[
                "id",
                "identifiant",
                "camera",
                "n°",
                "numero",
                "ref",
                "reference",
            ],
            // French open data: « Implantation », « Adresse ».
            CameraField::Location => &[
                "emplacement",
                "location",
                "adresse",
                "address",
                "lieu",
                "localisation",
                "implantation",
            ],
            // French open data: « Code postal », « Commune », « Quartier », « Arrondissement ».
            CameraField::Perimeter => &[
                "perimetre",
                "perimeter",
                "zone",
                "secteur",
                "quartier",
                "commune",
                "arrondissement",
                "code postal",
                "cp",
            ],
            CameraField::Kind => &["type", "kind", "modele"],
            CameraField::Analytics => &[
                "analyse",
                "analytics",
                "couplee",
                "coupled",
                "briefcam",
                "va",
            ],
            CameraField::Purposes => &["finalites", "finalite", "purposes", "purpose"],
            CameraField::Dwellings => &["habitations", "dwellings", "logements"],
            CameraField::Masking => &["masquage", "masking", "masque", "floutage"],
            CameraField::Notes => &["notes", "remarques", "commentaire", "observations"],
            CameraField::Operator => &["exploitant", "operator", "proprietaire", "owner"],
            // French open data: « Date de mise en service ».
            CameraField::Commissioned => &[
                "date de mise en service",
                "mise en service",
                "mise_en_service",
                "date mise en service",
                "commissioned",
                "commissioning date",
                "date d'installation",
                "installation",
            ],
            CameraField::Setting => &[
                "filme",
                "setting",
                "situation",
                "milieu",
                "int/ext",
                "interieur/exterieur",
                "interieur / exterieur",
                "voie publique ou prive",
            ],
            CameraField::X => &["x"],
            CameraField::Y => &["y"],
            CameraField::Latitude => &["latitude", "lat"],
            CameraField::Longitude => &["longitude", "lon", "lng", "long"],
            // Told by `lambert_axis` (« x_l93 », « X Lambert 93 », « coord_x_l93 »).
            CameraField::XLambert93 | CameraField::YLambert93 => &[],
            CameraField::Direction => &["azimut", "azimuth", "direction", "orientation", "cap"],
            CameraField::Angle => &["angle"],
            CameraField::Range => &["portee", "range"],
        }
    }
}

/// Which column fills which field (`None`: left empty).
pub type Mapping = Vec<(CameraField, Option<usize>)>;

/// Lower case without French accents, for matching header words and values.
pub fn fold(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'à' | 'â' | 'ä' => 'a',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            other => other,
        })
        .collect()
}

/// The mapping guessed from the header.
pub fn guess_mapping(header: &[String]) -> Mapping {
    CameraField::ALL
        .iter()
        .map(|field| {
            let column = header.iter().position(|title| {
                let axis = lambert_axis(title);
                match field {
                    CameraField::XLambert93 => return axis == Some('x'),
                    CameraField::YLambert93 => return axis == Some('y'),
                    // « x_l93 » is not a position on the plan.
                    _ if axis.is_some() => return false,
                    _ => {}
                }
                // « code_postal », « code-postal » and « Code postal » are one title.
                let title = fold(title).replace(['_', '-'], " ");
                field.header_words().iter().any(|w| {
                    let w = w.replace(['_', '-'], " ");
                    title == w
                        || title
                            .split(|c: char| !c.is_alphanumeric() && c != '°')
                            .any(|part| part == w)
                })
            });
            (*field, column)
        })
        .collect()
}

/// The axis of a Lambert-93 column (`x_l93`, « X Lambert 93 », `coord_y_2154`, `xl93`): its
/// title names Lambert-93 (`l93`, `lambert`, `2154`) and the axis as a word of its own or
/// glued to it; `None` for any other title.
fn lambert_axis(title: &str) -> Option<char> {
    let title = fold(title);
    let parts: Vec<&str> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|p| !p.is_empty())
        .collect();
    let names = |part: &str| part.contains("l93") || part.contains("lambert") || part == "2154";
    if !parts.iter().any(|p| names(p)) {
        return None;
    }
    ['x', 'y'].into_iter().find(|axis| {
        parts.iter().any(|part| {
            let rest = part
                .strip_prefix(*axis)
                .or_else(|| part.strip_suffix(*axis));
            *part == axis.to_string().as_str() || rest.is_some_and(names)
        })
    })
}
