package quote

import (
	"slices"
	"testing"

	"byline/data"
)

// TestClauseRules covers where a reported clause starts and ends, and
// which words are its cue and its speaker: verbs of saying used as
// adjectives or inside names, "that" clauses ending in a quotation, the
// object of "told", and names before a role or after a quotation.
func TestClauseRules(t *testing.T) {
	type att struct {
		kind   data.QuoteKind
		source string // "-" = none
		text   string // the whole content
	}
	cases := []struct {
		name string
		in   string
		want []att
		none []string // contents that must not be attributed
	}{
		{"a verb of saying after an article is an adjective",
			`Ms Reed avoided the charged term, "open borders," in her speech.`,
			nil, []string{"open borders"}},
		{"States in the United States is a name, not a cue",
			"Mayor Ana Ruiz spoke on Monday, insisting that the United States “must stop treating the islands like an afterthought.”",
			[]att{{data.Mixed, "Mayor Ana Ruiz", "the United States “must stop treating the islands like an afterthought.”"}},
			[]string{"must stop treating the islands like an afterthought."}},
		{"States after United is no cue of the quotation that follows",
			"Ms Vega lamented that the danger came from anger in the United States while “allowing old hatreds to surface.”",
			nil, []string{"while “allowing old hatreds to surface.”", "allowing old hatreds to surface."}},
		{"a that after the content's own verb is inside the content",
			"Tom Bale said the decision was so poor that the council must resign.",
			[]att{{data.Indirect, "Tom Bale", "the decision was so poor that the council must resign"}}, nil},
		{"there is after the cue opens the content",
			"The chairman of the ferry board, Rob Lane, has warned there is a real risk that the service will close.",
			[]att{{data.Indirect, "Rob Lane", "there is a real risk that the service will close"}}, nil},
		{"a quotation ending on ! then its speaker and a phrase saying what about",
			`"Full speed ahead!" Rep. Ada Lind, D-Ore., said of the week's schedule.`,
			[]att{{data.Direct, "Rep. Ada Lind", "Full speed ahead!"}}, nil},
		{"a verb of saying further back outranks one that only cues beside it",
			"Ms Ruiz criticised the plan on Tuesday, saying the budget goes “nowhere near far enough.”",
			[]att{{data.Mixed, "Ms Ruiz", "the budget goes “nowhere near far enough.”"}}, nil},
		{"a that clause with a phrase of occasion before the quotation",
			"Mr Doyle left early, saying that in his long experience, “the ferry can wait another year.”",
			[]att{{data.Mixed, "Mr Doyle", "in his long experience, “the ferry can wait another year.”"}}, nil},
		{"an article after saying opens a clause, not an object",
			`Ms Ruiz criticised the plan, saying the ferry "will keep running."`,
			[]att{{data.Mixed, "Ms Ruiz", `the ferry "will keep running."`}}, nil},
		{"a verb by its ending inside a cue's content introduces nothing",
			`Ms Ruiz warned that if the new buses were not delivered, "the whole timetable will collapse."`,
			[]att{{data.Mixed, "Ms Ruiz", `if the new buses were not delivered, "the whole timetable will collapse."`}},
			[]string{"the whole timetable will collapse."}},
		{"a quoted programme after told and a possessive is the object",
			"She told ABC’s “Morning Report” on Monday the tone of the meeting was cordial. She told ABC’s “Evening Report.”",
			[]att{{data.Indirect, "She", "the tone of the meeting was cordial"}},
			[]string{"Evening Report."}},
		{"a noun phrase ends at a past verb after a noun",
			`"Let me help you out - the answer is no," the Republican vice-presidential nominee riffed on the question.`,
			[]att{{data.Direct, "the Republican vice-presidential nominee", "Let me help you out - the answer is no"}}, nil},
		{"a past verb after a quotation not closing on , ? or ! is no cue",
			"'Fast ferries' plan attacked\n\nThe council met on Monday.",
			nil, []string{"Fast ferries"}},
		{"a name and its role with the closing comma left out: the name speaks",
			"Ferries ran late. Sam Lowe, the spokesman for the harbour board said in a statement. “There are no ferries to cancel.”",
			[]att{{data.Direct, "Sam Lowe", "There are no ferries to cancel."}},
			[]string{"Sam Lowe"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			qs := Extract(c.in)
			var got []att
			for _, q := range qs {
				src := q.Source
				if src == "" {
					src = "-"
				}
				got = append(got, att{q.Kind, src, q.Text})
			}
			for _, w := range c.want {
				if !slices.Contains(got, w) {
					t.Errorf("want %+v\ngot  %+v", w, got)
				}
			}
			for _, n := range c.none {
				for _, q := range qs {
					if q.Text == n {
						t.Errorf("%q attributed: %+v", n, q)
					}
				}
			}
		})
	}
}
