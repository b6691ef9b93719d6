package quote

import (
	"testing"

	"byline/data"
)

// TestLeadInRules covers quotations the writer introduces inside a reported
// clause: the clause is the content and it is mixed, not direct.
func TestLeadInRules(t *testing.T) {
	type want struct {
		text string // the exact content
		kind data.QuoteKind
		src  string // "" = not checked
	}
	cases := []struct {
		name string
		in   string
		want []want
	}{
		{"a quotation after that is a mixed reported clause",
			"The harbour master told the crews that “the tide waits for nobody.”",
			[]want{{"“the tide waits for nobody.”", data.Mixed, "The harbour master"}}},
		{"that before a quotation of several sentences",
			"Mara Quinn said that \"we will sail at dawn. Nobody stays behind.\"",
			[]want{{"\"we will sail at dawn. Nobody stays behind.\"", data.Mixed, "Mara Quinn"}}},
		{"a lead-in clause between the cue and the quotation is content",
			"The mayor said whatever the council decides next week, “the ferry keeps running.”",
			[]want{{"whatever the council decides next week, “the ferry keeps running.”", data.Mixed, "The mayor"}}},
		{"a phrase naming the occasion leaves the quotation direct",
			"Ada Voss said at the harbour on Monday, “We sail at dawn.”",
			[]want{{"We sail at dawn.", data.Direct, "Ada Voss"}}},
		{"another verb of saying in the lead-in leaves the quotation direct",
			"Ada Voss thanked the crews for their work all winter, adding, “We sail at dawn.”",
			[]want{{"We sail at dawn.", data.Direct, ""}}},
		{"a clause before the cue runs into a quotation opening in lower case",
			"If the vote goes our way, Mara Quinn said, “the ferry will run all winter.”",
			[]want{{"If the vote goes our way, Mara Quinn said, “the ferry will run all winter.”", data.Mixed, "Mara Quinn"}}},
		{"a quotation opening in upper case after the clause stays direct",
			"After the vote, Mara Quinn said, “The ferry will run all winter.”",
			[]want{{"The ferry will run all winter.", data.Direct, "Mara Quinn"}}},
		{"a quotation after a cue and comma, run on by a short phrase",
			"Asked about the delay, Ned Pike said, \"We have two weeks to go\" until the ferry returns.",
			[]want{{"\"We have two weeks to go\" until the ferry returns", data.Direct, "Ned Pike"}}},
		{"a new clause after the quotation is not run on",
			"Ned Pike said, \"We have two weeks to go,\" and he left the hall.",
			[]want{{"We have two weeks to go", data.Direct, "Ned Pike"}}},
		{"an initialism ends the sentence before a quotation in upper case",
			"“The ferry is late,” Ned Pike said in Albany, N.Y. “Nobody told us why.”",
			[]want{{"The ferry is late", data.Direct, "Ned Pike"}, {"Nobody told us why.", data.Direct, "Ned Pike"}}},
		{"a cue set off by commas in the next sentence is not the quotation's",
			"“We sail at dawn,” Ned Pike said. “Nobody stays behind.” The harbour, he said, was “never this busy.”",
			[]want{{"We sail at dawn", data.Direct, "Ned Pike"}, {"Nobody stays behind.", data.Direct, "Ned Pike"}}},
		{"a short quotation closing a clause after a participle cue is mixed",
			"The mayor shrugged off the protests, saying they were “not a big deal around here.”",
			[]want{{"they were “not a big deal around here.”", data.Mixed, ""}}},
		{"after that, a phrase and a comma before the quotation: one mixed clause",
			"Ms. Ruiz said that in her small town, “nobody locks the door at night.”",
			[]want{{"in her small town, “nobody locks the door at night.”", data.Mixed, "Ms. Ruiz"}}},
		{"a clause opening with a determiner before the quotation is the writer's lead-in",
			"Ned Pike said the council might close the pier in March, “depending on how the repairs go.”",
			[]want{{"the council might close the pier in March, “depending on how the repairs go.”", data.Mixed, "Ned Pike"}}},
		{"a quotation after a colon with its own attribution ends the earlier content",
			"Mara Quinn said the town had changed: “Nobody fishes here now,” she said.",
			[]want{{"Nobody fishes here now", data.Direct, "she"}, {"the town had changed", data.Indirect, "Mara Quinn"}}},
		{"a quotation between dashes with its own attribution",
			"Ned Pike said the plan was unserious - “We need the details first,” he said - and he walked out.",
			[]want{{"We need the details first", data.Direct, "he"}}},
		{"a connective opening a quotation continues the last speaker",
			"“The ferry is late again,” Ned Pike said. Then, “Nobody told us why.” But “it happens every week.”",
			[]want{{"Nobody told us why.", data.Direct, "Ned Pike"}, {"it happens every week.", data.Direct, "Ned Pike"}}},
		{"the halves of one sentence around a long attribution with a participle",
			"“Many voters are unsure this year,” Ann Lee wrote in a note to members explaining why she is speaking, “but most agree that the town is on the wrong track.”",
			[]want{{"Many voters are unsure this year", data.Direct, "Ann Lee"}, {"but most agree that the town is on the wrong track.", data.Direct, "Ann Lee"}}},
		{"a parenthesis with an abbreviation before the cue of a reported clause",
			"Rep. Al Kerr (R-Fla.) said that the ferry would not run.",
			[]want{{"the ferry would not run", data.Indirect, "Rep. Al Kerr"}}},
		{"an abbreviation with its dot in an aside before the cue of a reported clause",
			"Senator Ann Lee, D-Ore., said that the ferry stays.",
			[]want{{"the ferry stays", data.Indirect, "Senator Ann Lee"}}},
		{"a quotation after the infinitive marker of the cue opens the content",
			"Ann Lee vowed to “fight for every ferry on every island” this winter.",
			[]want{{"“fight for every ferry on every island” this winter", data.Direct, "Ann Lee"}}},
		{"the quoted name of a show told is the object, not the content",
			"Ann Lee told “Harbour Morning” on Monday that the ferry was late.",
			[]want{{"the ferry was late", data.Indirect, "Ann Lee"}}},
		{"a long quotation after a short subject stays direct",
			"The captain brushed off the storm, saying she “will sail on time every single day of the winter.”",
			[]want{{"will sail on time every single day of the winter.", data.Direct, ""}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			qs := Extract(c.in)
			for _, q := range qs {
				checkInvariants(t, c.in, q)
			}
			for _, w := range c.want {
				q, ok := find(qs, w.text)
				if !ok || q.Text != w.text || q.Kind != w.kind {
					t.Errorf("want %v %q; got %s", w.kind, w.text, dumpQuotes(qs))
					continue
				}
				if w.src != "" && q.Source != w.src {
					t.Errorf("%q: source %q, want %q", w.text, q.Source, w.src)
				}
			}
		})
	}
}

// TestLeadInOnce: a lower-case quotation after a clause and its cue gives
// one attribution, not also a direct one for the quotation alone.
func TestLeadInOnce(t *testing.T) {
	for _, in := range []string{
		"If the vote goes our way, Mara Quinn said, “the ferry will run all winter.”",
		"Ms. Ruiz said that in her small town, “nobody locks the door at night.”",
		"Mary Roe said that once the council goes on recess, “I intend to do as much as I can.”",
	} {
		qs := Extract(in)
		if len(qs) != 1 || qs[0].Kind != data.Mixed {
			t.Errorf("%q: want one mixed attribution; got %s", in, dumpQuotes(qs))
		}
	}
}

// TestWriterTailNotContent: the words the writer adds after a quotation
// introduced by its cue and a comma are not a second content of that cue.
func TestWriterTailNotContent(t *testing.T) {
	for _, in := range []string{
		"Later, Ann Lee saw the vote differently: “We lost the ferry,” she said.",
		"Ann Lee had said, \"We will see,\" when asked whether she would run again.",
		"He also vowed, \"We are going to fix the roads and we are going to fix them fast,\" referring to the bridge plan.",
	} {
		qs := Extract(in)
		if len(qs) != 1 || qs[0].Kind != data.Direct {
			t.Errorf("%q: want one direct attribution; got %s", in, dumpQuotes(qs))
		}
	}
}

// TestTextOrder: attributions come in the order of their contents, though
// a quotation set off inside a sentence is found before the sentence's own
// content.
func TestTextOrder(t *testing.T) {
	qs := Extract("Mara Quinn said the town had changed: “Nobody fishes here now,” she said. “The boats are gone.”")
	for i := 1; i < len(qs); i++ {
		if qs[i].Content.Start < qs[i-1].Content.Start {
			t.Errorf("out of order: %s", dumpQuotes(qs))
		}
	}
	if len(qs) != 3 || qs[2].Text != "The boats are gone." || qs[2].Speaker != qs[1].Speaker {
		t.Errorf("want the last quotation to continue the one before; got %s", dumpQuotes(qs))
	}
}
