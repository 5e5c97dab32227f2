//! Screening: is an AIPD required? Each of the nine WP248 criteria is derived from facts the
//! assessment already records, with the trail of answers that produced it; the user may override
//! a criterion with a written reason. The verdict follows WP248 and the CNIL (two criteria or
//! more), GDPR art. 35(3)(c) (large-scale monitoring of a public area) and the CNIL's list of
//! processing that requires an AIPD; art. 90 LIL adds its own analysis for Police-Justice purposes.

use crate::knowledge::ids::capability::{
    K04_CROSS_CAMERA_TRACKING, K08_PLATE_READING, K15_CATEGORISATION,
};
use crate::knowledge::ids::criterion::{
    C2_AUTOMATED_DECISIONS, C3_SYSTEMATIC_MONITORING, C4_SENSITIVE_DATA, C5_LARGE_SCALE,
    C6_MATCHING, C7_VULNERABLE, C8_INNOVATIVE,
};
use std::collections::BTreeMap;

use super::text::{self, Texts};
use crate::knowledge::{Bilingual, KnowledgeBase};
use crate::model::{Assessment, CriterionId, PurposeKind, Regime};

/// Cameras on the public highway from which monitoring counts as large scale (C5). A city
/// network films every passer-by, continuously; below this the user decides, and may override.
pub const LARGE_SCALE_CAMERAS: usize = 10;

/// Where a criterion's value comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Derived from the recorded facts.
    Derived,
    /// Set by the user, with a reason.
    Override,
}

impl Origin {
    /// `derived` or `override`, as in `check --json`.
    pub fn code(self) -> &'static str {
        match self {
            Origin::Derived => "derived",
            Origin::Override => "override",
        }
    }
}

/// One criterion's outcome.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CriterionResult {
    /// `C1`…`C9`.
    pub criterion_id: CriterionId,
    /// Met, after any override.
    pub is_met: bool,
    /// What the facts alone give.
    pub is_met_derived: bool,
    /// Derived or overridden.
    pub origin: Origin,
    /// The facts that met it (empty when not met by the facts).
    pub because: Vec<Bilingual>,
    /// The user's reason, when overridden.
    pub override_reason: Option<String>,
}

/// Whether an AIPD is required.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Required: two criteria or more, or a mandatory case (GDPR art. 35(3)(c), CNIL list items 11
    /// and 14).
    Required,
    /// Recommended (one criterion).
    Recommended,
    /// Not required: no criterion met and no mandatory case, every screening question answered.
    NotRequired,
    /// To be determined: no criterion met, but screening questions are unanswered — « not
    /// required » cannot be concluded yet.
    Undetermined,
}

impl Verdict {
    /// `required`, `recommended`, `not_required` or `undetermined`, as in `check --json`.
    pub fn code(self) -> &'static str {
        match self {
            Verdict::Required => "required",
            Verdict::Recommended => "recommended",
            Verdict::NotRequired => "not_required",
            Verdict::Undetermined => "undetermined",
        }
    }
}

/// The screening outcome.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScreeningResult {
    /// The nine criteria, C1 first.
    pub criteria: Vec<CriterionResult>,
    /// Whether an AIPD is required, recommended or not required.
    pub verdict: Verdict,
    /// One sentence per ground that makes an AIPD required (criteria count, art. 35(3)(c), CNIL
    /// list items); otherwise the one sentence behind a recommended or not-required verdict.
    pub reasons: Vec<Bilingual>,
    /// An art. 90 LIL analysis is needed too: a Police-Justice purpose, judged on the cameras
    /// serving it, is likely to create a high risk (its verdict is « required »).
    pub is_art90_required: bool,
    /// The purposes under the Police-Justice regime, or the sentence saying there are none.
    pub art90_reason: Bilingual,
    /// Each Police-Justice purpose judged on the cameras serving it.
    pub art90_purposes: Vec<Art90Purpose>,
}

impl ScreeningResult {
    /// The outcome of one criterion.
    pub fn criterion(&self, id: &str) -> Option<&CriterionResult> {
        self.criteria.iter().find(|c| c.criterion_id.as_str() == id)
    }

    /// Ids of the met criteria.
    pub fn met_ids(&self) -> Vec<&str> {
        self.criteria
            .iter()
            .filter(|c| c.is_met)
            .map(|c| c.criterion_id.as_str())
            .collect()
    }
}

/// The art. 90 LIL judgement for one Police-Justice purpose: the screening run again on the
/// cameras that serve it (LIL art. 90 asks whether *the processing* is likely to create a high
/// risk; the CNIL splits a municipal system's regimes by purpose, so each purpose is judged on
/// what serves it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Art90Purpose {
    /// The purpose.
    pub kind: PurposeKind,
    /// The screening verdict on the cameras serving this purpose: `Required` makes the art. 90
    /// analysis due.
    pub verdict: Verdict,
    /// One sentence: the purpose, its verdict, what it was judged on and why.
    pub reason: Bilingual,
    /// Criterion C8 (innovative use, new technologies) is met on the cameras serving this
    /// purpose: LIL art. 90 2° then calls for the prior consultation (R18-ART90).
    pub is_innovative: bool,
}

/// The cameras a verdict is judged on: the whole system, or those serving one purpose.
struct Scope {
    /// How many cameras: the app's large-scale heuristic counts these.
    cameras: usize,
    /// Whether the analytics software (and so the capabilities) reaches these cameras.
    has_analytics: bool,
    /// The purpose judged on its own cameras (`None`: the whole system, every purpose).
    purpose: Option<PurposeKind>,
}

impl Scope {
    fn whole(a: &Assessment) -> Scope {
        Scope {
            cameras: a.cameras.len(),
            has_analytics: true,
            purpose: None,
        }
    }

    /// The cameras serving `kind`; `None` when the inventory records no purpose per camera (then
    /// only the whole system can be judged). When no camera is marked coupled, coupling is
    /// taken as not recorded and the capabilities count for every purpose.
    fn serving(a: &Assessment, kind: PurposeKind) -> Option<(Scope, usize)> {
        if a.cameras.iter().all(|c| c.purposes.is_empty()) {
            return None;
        }
        let serving: Vec<_> = a
            .cameras
            .iter()
            .filter(|c| c.purposes.contains(&kind))
            .collect();
        let coupled = serving.iter().filter(|c| c.is_analytics_coupled).count();
        let is_coupling_recorded = a.cameras.iter().any(|c| c.is_analytics_coupled);
        let scope = Scope {
            cameras: serving.len(),
            has_analytics: coupled > 0 || !is_coupling_recorded,
            purpose: Some(kind),
        };
        Some((scope, coupled))
    }
}

/// Derives the criteria and the verdict.
pub fn screen(a: &Assessment, kb: &KnowledgeBase) -> ScreeningResult {
    screen_with(a, kb, &super::plans::sightings(a))
}

/// [`screen`] from the plans' sightings already computed (a school or a health facility in
/// view counts for criterion C7).
pub fn screen_with(
    a: &Assessment,
    kb: &KnowledgeBase,
    seen: &BTreeMap<crate::model::CameraId, Vec<super::plans::Sighting>>,
) -> ScreeningResult {
    let texts = Texts { kb };
    let vulnerable_places = super::plans::vulnerable_places(seen);
    let facts = Facts {
        vulnerable_places: &vulnerable_places,
    };
    let (criteria, verdict, reasons) = judge(a, kb, texts, &Scope::whole(a), &facts);
    let art90_purposes = art90_purposes(a, kb, texts, &facts);
    let is_art90_required = art90_purposes
        .iter()
        .any(|p| p.verdict == Verdict::Required);
    let police_justice = police_justice_purposes(a, kb);
    let art90_reason = if police_justice.is_empty() {
        texts.phrase("art90.none", &[])
    } else {
        texts.phrase("art90.reason", &[("purposes", text::join(&police_justice))])
    };
    ScreeningResult {
        criteria,
        verdict,
        reasons,
        is_art90_required,
        art90_reason,
        art90_purposes,
    }
}

/// Facts computed once per evaluation that the criteria read.
struct Facts<'a> {
    /// Schools and health facilities in view of placed cameras, named (« CAM-04 → École Jules
    /// Ferry »): people more vulnerable than the general public (WP248 criterion 7).
    vulnerable_places: &'a [String],
}

/// The art. 90 judgement of each Police-Justice purpose, in the order of the law.
fn art90_purposes(
    a: &Assessment,
    kb: &KnowledgeBase,
    texts: Texts,
    facts: &Facts,
) -> Vec<Art90Purpose> {
    let mut kinds: Vec<PurposeKind> = a
        .processing
        .purposes
        .iter()
        .filter(|p| p.regime == Regime::PoliceJustice)
        .map(|p| p.kind)
        .collect();
    kinds.sort();
    kinds.dedup();
    kinds
        .into_iter()
        .map(|kind| {
            let (scope, scope_text) = match Scope::serving(a, kind) {
                Some((scope, coupled)) => {
                    let sentence = texts.phrase(
                        "art90.scope.cameras",
                        &[
                            ("count", text::number(scope.cameras)),
                            ("coupled", text::number(coupled)),
                        ],
                    );
                    (scope, sentence)
                }
                None => (
                    Scope {
                        purpose: Some(kind),
                        ..Scope::whole(a)
                    },
                    texts.phrase("art90.scope.whole", &[]),
                ),
            };
            let (criteria, verdict, reasons) = judge(a, kb, texts, &scope, facts);
            let is_innovative = criteria
                .iter()
                .any(|c| c.criterion_id.as_str() == C8_INNOVATIVE && c.is_met);
            let label = kb
                .purpose(kind)
                .map_or_else(|| Bilingual::same(kind.short_code()), |d| d.label.clone());
            let phrase = match verdict {
                Verdict::Required => "art90.verdict.required",
                Verdict::Recommended => "art90.verdict.recommended",
                Verdict::NotRequired => "art90.verdict.not_required",
                Verdict::Undetermined => "art90.verdict.undetermined",
            };
            let reason = texts.phrase(
                phrase,
                &[
                    ("purpose", label),
                    ("scope", scope_text),
                    ("reasons", join_sentences(&reasons)),
                ],
            );
            Art90Purpose {
                kind,
                verdict,
                reason,
                is_innovative,
            }
        })
        .collect()
}

/// Sentences joined with `; `.
fn join_sentences(items: &[Bilingual]) -> Bilingual {
    let join =
        |pick: fn(&Bilingual) -> &str| items.iter().map(pick).collect::<Vec<_>>().join(" ; ");
    Bilingual {
        fr: join(|b| b.fr.as_str()).replace(" ; ", "\u{a0}; "),
        en: join(|b| b.en.as_str()).replace(" ; ", "; "),
    }
}

/// The criteria (derived, then overridden by the user) and the verdict, on the cameras of
/// `scope`.
fn judge(
    a: &Assessment,
    kb: &KnowledgeBase,
    texts: Texts,
    scope: &Scope,
    facts: &Facts,
) -> (Vec<CriterionResult>, Verdict, Vec<Bilingual>) {
    let because = derive(a, kb, texts, scope, facts);
    let criteria: Vec<CriterionResult> = kb
        .criteria
        .iter()
        .map(|def| {
            let reasons = because.get(def.id.as_str()).cloned().unwrap_or_default();
            let is_met_derived = !reasons.is_empty();
            let over = a
                .screening
                .overrides
                .iter()
                .find(|o| o.criterion_id == def.id);
            CriterionResult {
                criterion_id: def.id.clone(),
                is_met: over.map_or(is_met_derived, |o| o.is_met),
                is_met_derived,
                origin: if over.is_some() {
                    Origin::Override
                } else {
                    Origin::Derived
                },
                because: reasons,
                override_reason: over.map(|o| o.reason.clone()),
            }
        })
        .collect();

    let met = |id: &str| {
        criteria
            .iter()
            .any(|c| c.is_met && c.criterion_id.as_str() == id)
    };
    let met_count = criteria.iter().filter(|c| c.is_met).count();
    let mut reasons = Vec::new();
    if met_count >= 2 {
        reasons.push(texts.phrase("verdict.criteria", &[("count", text::number(met_count))]));
    }
    if met(C3_SYSTEMATIC_MONITORING)
        && met(C5_LARGE_SCALE)
        && a.screening.films_public_space == Some(true)
    {
        reasons.push(texts.phrase("verdict.art35_3_c", &[]));
    }
    if a.video_system.control_centre.films_staff == Some(true) {
        reasons.push(texts.phrase("verdict.cnil_4", &[]));
    }
    // CNIL list item 11 is about recognition: categorisation alone (K15) does not trigger it.
    let recognition_usable = scope.has_analytics
        && a.capabilities.iter().any(|r| {
            r.is_usable()
                && r.capability_id.as_str() != K15_CATEGORISATION
                && kb
                    .capability(&r.capability_id)
                    .is_some_and(|def| def.is_biometric)
        });
    if recognition_usable && (met(C7_VULNERABLE) || a.screening.films_public_space == Some(true)) {
        reasons.push(texts.phrase("verdict.cnil_11", &[]));
    }
    let location_usable = scope.has_analytics
        && [K04_CROSS_CAMERA_TRACKING, K08_PLATE_READING]
            .iter()
            .any(|id| a.capability(id).is_some_and(|r| r.is_usable()));
    if location_usable && met(C5_LARGE_SCALE) {
        reasons.push(texts.phrase("verdict.cnil_14", &[]));
    }
    let verdict = if !reasons.is_empty() {
        Verdict::Required
    } else if met_count == 1 {
        reasons.push(texts.phrase("verdict.one_criterion", &[]));
        Verdict::Recommended
    } else if unanswered_screening(a) {
        reasons.push(texts.phrase("verdict.undetermined", &[]));
        Verdict::Undetermined
    } else {
        reasons.push(texts.phrase("verdict.none", &[]));
        Verdict::NotRequired
    };
    (criteria, verdict, reasons)
}

/// True when a screening question a criterion depends on is still unanswered, or a recorded
/// capability's presence is not established.
fn unanswered_screening(a: &Assessment) -> bool {
    let s = &a.screening;
    let question_open = [
        s.films_public_space,
        s.has_automated_decisions,
        s.has_data_matching,
        s.films_vulnerable_people,
        s.is_large_scale,
    ]
    .iter()
    .any(Option::is_none);
    // A capability whose presence is not established may meet C1, C6 or C8.
    let capability_open = a
        .capabilities
        .iter()
        .any(|r| r.presence == crate::model::Presence::Unknown);
    question_open || capability_open
}

/// Labels of the purposes recorded under the Police-Justice regime.
pub fn police_justice_purposes(a: &Assessment, kb: &KnowledgeBase) -> Vec<Bilingual> {
    a.processing
        .purposes
        .iter()
        .filter(|p| p.regime == Regime::PoliceJustice)
        .map(|p| {
            kb.purpose(p.kind).map_or_else(
                || Bilingual::same(format!("{:?}", p.kind)),
                |d| d.label.clone(),
            )
        })
        .collect()
}

/// The text, or « — » when it is blank.
fn or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        "—".to_owned()
    } else {
        text.trim().to_owned()
    }
}

/// For each criterion id, the facts that meet it.
fn derive(
    a: &Assessment,
    kb: &KnowledgeBase,
    texts: Texts,
    scope: &Scope,
    facts: &Facts,
) -> BTreeMap<String, Vec<Bilingual>> {
    let mut because: BTreeMap<String, Vec<Bilingual>> = BTreeMap::new();
    let mut add =
        |id: &str, reason: Bilingual| because.entry(id.to_owned()).or_default().push(reason);
    let s = &a.screening;

    if s.films_public_space == Some(true) {
        add(
            C3_SYSTEMATIC_MONITORING,
            texts.phrase("crit.public_space", &[]),
        );
    }
    // Scale: the controller's own WP248 judgement first; the camera count is only the app's
    // heuristic, said to be one, when there is no answer.
    match s.is_large_scale {
        Some(true) => add(
            C5_LARGE_SCALE,
            texts.phrase(
                "crit.large_scale_declared",
                &[
                    ("people", Bilingual::same(or_dash(&s.scale_people))),
                    ("extent", Bilingual::same(or_dash(&s.scale_extent))),
                    ("duration", Bilingual::same(or_dash(&s.scale_duration))),
                ],
            ),
        ),
        Some(false) => {}
        None => {
            if s.films_public_space == Some(true) && scope.cameras >= LARGE_SCALE_CAMERAS {
                add(
                    C5_LARGE_SCALE,
                    texts.phrase(
                        "crit.camera_count",
                        &[
                            ("count", text::number(scope.cameras)),
                            ("threshold", text::number(LARGE_SCALE_CAMERAS)),
                        ],
                    ),
                );
            }
        }
    }
    if s.has_automated_decisions == Some(true) {
        add(
            C2_AUTOMATED_DECISIONS,
            texts.phrase("crit.automated_decisions", &[]),
        );
    }
    if s.has_data_matching == Some(true) {
        add(C6_MATCHING, texts.phrase("crit.data_matching", &[]));
    }
    if s.films_vulnerable_people == Some(true) {
        add(C7_VULNERABLE, texts.phrase("crit.vulnerable", &[]));
    }
    // The plans show a school or a health facility in view: children, patients.
    if !facts.vulnerable_places.is_empty() {
        let mut listed = facts
            .vulnerable_places
            .iter()
            .take(8)
            .cloned()
            .collect::<Vec<_>>()
            .join(", ");
        if facts.vulnerable_places.len() > 8 {
            listed.push_str(&format!(" … (+{})", facts.vulnerable_places.len() - 8));
        }
        add(
            C7_VULNERABLE,
            texts.phrase(
                "crit.vulnerable_places",
                &[("places", Bilingual::same(listed))],
            ),
        );
    }
    // Employees are vulnerable in WP248's sense (the power imbalance with their employer).
    if a.video_system.control_centre.films_staff == Some(true) {
        add(C7_VULNERABLE, texts.phrase("crit.staff_filmed", &[]));
    }
    if scope.has_analytics && a.video_system.searches.has_sensitive_attribute_filters == Some(true)
    {
        add(
            C4_SENSITIVE_DATA,
            texts.phrase("crit.sensitive_filters", &[]),
        );
    }
    // C4 comes from facts — filters, biometric capabilities (below), offences established from
    // the images — never from the Police-Justice regime itself.
    let offences: Vec<Bilingual> = a
        .processing
        .purposes
        .iter()
        .map(|p| p.kind)
        .filter(|kind| kind.records_offences())
        .filter(|kind| scope.purpose.is_none_or(|judged| judged == *kind))
        .map(|kind| {
            kb.purpose(kind)
                .map_or_else(|| Bilingual::same(kind.short_code()), |d| d.label.clone())
        })
        .collect();
    if !offences.is_empty() {
        add(
            C4_SENSITIVE_DATA,
            texts.phrase("crit.offences", &[("purposes", text::join(&offences))]),
        );
    }

    // The software's capabilities reach only the cameras coupled to it.
    let mut records: Vec<_> = a
        .capabilities
        .iter()
        .filter(|r| scope.has_analytics && r.is_usable())
        .collect();
    records.sort_by(|x, y| x.capability_id.cmp(&y.capability_id));
    for record in records {
        let Some(def) = kb.capability(&record.capability_id) else {
            continue;
        };
        let reason = texts.phrase(
            "crit.capability",
            &[
                ("capability", texts.capability(&def.id)),
                ("state", texts.variant("capability_state", record.state)),
            ],
        );
        // Scale (C5) is a matter of cameras, area and time, not of what the software can do.
        for criterion in def.criteria.iter().filter(|c| c.as_str() != C5_LARGE_SCALE) {
            add(criterion.as_str(), reason.clone());
        }
    }
    because
}
