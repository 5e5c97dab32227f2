//! The cover page: a band of colour across the top, the consultant's logo and firm name when
//! the document is branded, the kicker, title and organisation, the
//! project's key facts, and the confidentiality marking in a box at the foot of the page. The
//! cover gets no running header or footer.

use super::page::Item;
use super::page::{BOTTOM, CONTENT_W, MARGIN_X, PAGE_W};
use super::palette::{HEADER_FILL, INK};
use super::table::GridStyle;
use super::Layouter;
use crate::dossier::Cover;
use crate::pdf::fonts::Face;

/// The box the logo fits in, in points.
const LOGO_BOX: (f32, f32) = (170.0, 70.0);

impl Layouter<'_> {
    /// The consultant's logo and firm name at the top of the cover, when the branding has them.
    fn firm(&mut self) {
        let Some(branding) = self.branding else {
            return;
        };
        self.y = 44.0;
        if let Some(logo) = &branding.logo {
            let (w, h) = logo.fit(LOGO_BOX.0, LOGO_BOX.1);
            let y = self.y;
            self.page().items.push(Item::Image {
                x: MARGIN_X,
                y,
                w,
                h,
            });
            self.y += h + 10.0;
        }
        let name = branding.firm_name.trim();
        if !name.is_empty() {
            let accent = self.accent;
            let lines = self.lines(name, Face::Bold, 12.0, accent, 0.0, CONTENT_W);
            self.flow(&lines, MARGIN_X);
        }
    }

    /// Lays out the cover on a page of its own and leaves the cursor on a fresh page.
    pub(super) fn cover(&mut self, cover: &Cover) {
        if !self.is_page_fresh() {
            self.new_page();
        }
        self.page().is_cover = true;
        self.rect(0.0, 0.0, PAGE_W, 14.0, self.accent);
        self.firm();
        self.y = self.y.max(190.0);
        let kicker = self.lines(&cover.kicker, Face::Bold, 11.0, self.accent, 0.0, CONTENT_W);
        self.flow(&kicker, MARGIN_X);
        self.y += 10.0;
        let title = self.lines(&cover.title, Face::Bold, 24.0, INK, 0.0, CONTENT_W);
        self.flow(&title, MARGIN_X);
        self.y += 6.0;
        let organisation = self.lines(
            &cover.organisation,
            Face::Regular,
            15.0,
            self.accent,
            0.0,
            CONTENT_W,
        );
        self.flow(&organisation, MARGIN_X);
        self.y += 16.0;
        self.rule(MARGIN_X, MARGIN_X + CONTENT_W, self.y, 1.2, self.accent);
        self.y += 18.0;
        let rows: Vec<Vec<String>> = cover
            .lines
            .iter()
            .map(|(k, v)| vec![k.clone(), v.clone()])
            .collect();
        self.grid(&[0.36, 0.64], None, &rows, GridStyle::cover(), &[]);
        if cover.marking.trim().is_empty() {
            // No marking given: no empty box at the foot of the cover.
            self.new_page();
            return;
        }
        let marking = self.lines(
            &cover.marking,
            Face::Italic,
            9.5,
            INK,
            0.0,
            CONTENT_W - 24.0,
        );
        let height: f32 = marking.iter().map(|l| l.leading).sum::<f32>() + 14.0;
        self.y = (BOTTOM - height - 10.0).max(self.y + 20.0);
        self.flow_boxed(&marking, HEADER_FILL, self.accent);
        self.new_page();
    }
}
