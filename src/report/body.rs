//! A map of where it hurts: each place on a simple figure with how many of the full check-ins
//! ticked it. In HTML an inline SVG whose shading follows the share (with the number written,
//! so it never rests on shade alone); in Markdown the same figure in text.

use std::fmt::Write;

use crate::domain::vocabulary::LOCATIONS;

/// Each place's count, in the order of `LOCATIONS`, of `asked` full check-ins.
#[derive(Clone, Debug, PartialEq)]
pub struct BodyMap {
    pub counts: Vec<(&'static str, usize)>,
    pub asked: usize,
}

impl BodyMap {
    pub(super) fn new(count: impl Fn(&str) -> usize, asked: usize) -> BodyMap {
        let counts = LOCATIONS.iter().map(|t| (t.id, count(t.id))).collect();
        BodyMap { counts, asked }
    }

    fn count(&self, id: &str) -> usize {
        self.counts
            .iter()
            .find(|(i, _)| *i == id)
            .map_or(0, |(_, n)| *n)
    }

    fn share(&self, id: &str) -> f64 {
        self.count(id) as f64 / self.asked.max(1) as f64
    }

    /// The figure in text, for Markdown (a code block keeps its columns).
    pub fn text(&self) -> String {
        let n = |id| self.count(id);
        format!(
            "```text\n\
             \x20             .-----.\n\
             \x20            ( skull )   base of the skull: {}\n\
             \x20             '-----'\n\
             \x20   left side {:>3} | {:<3} right side\n\
             \x20   [  upper shoulders: {:<3}  ]\n\
             \x20   [ between the blades: {:<3}]\n\
             left arm {:>3}            {:<3} right arm\n\
             ```\n\n\
             Where it hurts: how many of the {} full check-ins ticked each place.\n",
            n("base-of-skull"),
            n("left-side"),
            n("right-side"),
            n("upper-shoulders"),
            n("between-shoulder-blades"),
            n("left-arm"),
            n("right-arm"),
            self.asked
        )
    }

    /// The figure as an inline SVG, seen from behind (the left side is on the left).
    pub fn svg(&self) -> String {
        // (place, shape) with each shape's label position.
        let places: [(&str, &str, (u32, u32)); 7] = [
            (
                "base-of-skull",
                "<ellipse cx=\"150\" cy=\"40\" rx=\"34\" ry=\"22\"",
                (150, 44),
            ),
            (
                "left-side",
                "<rect x=\"118\" y=\"66\" width=\"30\" height=\"40\"",
                (133, 90),
            ),
            (
                "right-side",
                "<rect x=\"152\" y=\"66\" width=\"30\" height=\"40\"",
                (167, 90),
            ),
            (
                "upper-shoulders",
                "<rect x=\"70\" y=\"110\" width=\"160\" height=\"28\"",
                (150, 129),
            ),
            (
                "between-shoulder-blades",
                "<rect x=\"110\" y=\"142\" width=\"80\" height=\"60\"",
                (150, 176),
            ),
            (
                "left-arm",
                "<rect x=\"40\" y=\"110\" width=\"26\" height=\"110\"",
                (53, 170),
            ),
            (
                "right-arm",
                "<rect x=\"234\" y=\"110\" width=\"26\" height=\"110\"",
                (247, 170),
            ),
        ];
        let mut out = String::from(
            "<figure class=\"body\"><svg viewBox=\"0 0 300 240\" role=\"img\" \
             aria-label=\"Where it hurts, seen from behind\">\n",
        );
        for (id, shape, (x, y)) in places {
            let shade = 0.08 + 0.8 * self.share(id);
            let _ = writeln!(
                out,
                "{shape} fill=\"#b22\" fill-opacity=\"{shade:.2}\" stroke=\"#333\"/>\
                 <text x=\"{x}\" y=\"{y}\" font-size=\"12\" text-anchor=\"middle\">{}</text>",
                self.count(id)
            );
        }
        let _ = writeln!(
            out,
            "</svg><figcaption>Where it hurts, seen from behind: how many of the {} full \
             check-ins ticked each place (darker is more often).</figcaption></figure>",
            self.asked
        );
        out
    }
}
