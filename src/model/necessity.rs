//! Necessity and proportionality, and the rights of data subjects: one answer per question of the
//! knowledge base, each with the evaluator's assessment and comment (the CNIL method's 2.1 / 2.2).

use serde::{Deserialize, Serialize};

use super::ids::QuestionId;

/// The evaluator's assessment of an answer.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Evaluation {
    /// Not yet evaluated.
    #[default]
    Pending,
    /// Acceptable as it stands.
    Acceptable,
    /// To improve: the comment says how.
    ToImprove,
}

/// The answer to one question.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Answer {
    /// Which question of the knowledge base.
    pub question_id: QuestionId,
    /// The answer, in prose.
    pub text: String,
    /// The evaluator's assessment.
    pub evaluation: Evaluation,
    /// The evaluator's comment.
    pub comment: String,
}

/// The answer to a question in a list of answers, if there is one.
pub fn find_answer<'a>(answers: &'a [Answer], question_id: &QuestionId) -> Option<&'a Answer> {
    answers.iter().find(|a| &a.question_id == question_id)
}
