package quote

import (
	"strings"
	"testing"

	"byline/data"
)

// TestInnerQuoteRules covers the quotations introduced inside a sentence
// and the quoted words that must stay unattributed.
func TestInnerQuoteRules(t *testing.T) {
	cases := []struct {
		name   string
		in     string
		direct []string // contents that must be direct attributions
		source []string // their sources ("" = not checked)
		none   []string // quoted words that must not be direct
	}{
		{"verb and comma after an earlier clause",
			"At the fair, a boy asked for a picture and Rita Gomez said, “as long as the rain holds off.”",
			[]string{"as long as the rain holds off."}, []string{"Rita Gomez"}, nil},
		{"verb phrase and comma",
			"After the storm, the mayor issued a statement, “Our town will rebuild every house.”",
			[]string{"Our town will rebuild every house."}, []string{""}, nil},
		{"verb of expression, two quotations",
			"The fans on the terrace chanted \"bring back the coach\" and \"sell the club\" until dusk.",
			[]string{"bring back the coach", "sell the club"}, []string{"", ""}, nil},
		{"sign reading",
			"She held a banner reading “Ferries for all islanders” outside the hall.",
			[]string{"Ferries for all islanders"}, []string{""}, nil},
		{"scare quotes and titles stay out",
			"The so-called “reform” was shelved. Her novel “The Salt Road” sold well, and the film “Low Tide” won a prize.",
			nil, nil, []string{"reform", "The Salt Road", "Low Tide"}},
		{"a title after a verb of expression",
			"The council published a report titled “Roads For The Future” on Monday.",
			nil, nil, []string{"Roads For The Future"}},
		{"a verb of calling keeps the object: not direct",
			"The mayor called the bridge plan “a needless waste of money” on Monday.",
			nil, nil, []string{"a needless waste of money"}},
		{"a cue's quotation run on is one content, not also a direct quote alone",
			"Mr Tom Ward said “it drives me mad” every time he drives past the site.",
			[]string{"“it drives me mad” every time he drives past the site"}, []string{"Mr Tom Ward"}, nil},
		{"one quoted word opening a content leaves it mixed",
			"Mr Tom Ward said “thousands” of tickets were never sold.",
			nil, nil, []string{"thousands"}},
		{"split quotation around a long role",
			"\"The port used to be quiet,\" said Lena Marsh, director of harbour studies at the Institute of the North in Oslo, \"but it is busy now.\"",
			[]string{"The port used to be quiet", "but it is busy now."}, []string{"Lena Marsh", "Lena Marsh"}, nil},
		{"split quotation, comma missing after the cue",
			"\"We kept the ferry running,\" she said \"Nobody else would have.\"",
			[]string{"We kept the ferry running", "Nobody else would have."}, []string{"she", "she"}, nil},
		{"a quotation opening a unit without a cue continues the speaker",
			"\"Turnout is the key,\" said Jo Harris, chair of the county party. \"We need the young vote\" - a view many share.",
			[]string{"Turnout is the key", "We need the young vote"}, []string{"Jo Harris", "Jo Harris"}, nil},
		{"a participle opening the next sentence is not the quotation's cue",
			"\"We keep going,\" Ada Voss said. \"Nobody stops us now.\" Asked what comes next, she said she would rest.",
			[]string{"We keep going", "Nobody stops us now."}, []string{"Ada Voss", "Ada Voss"}, nil},
		{"any verb after a name closes the attribution of a quotation ending on a comma",
			"\"Nobody here is a stranger,\" Ora Bell assured the crowd.",
			[]string{"Nobody here is a stranger"}, []string{"Ora Bell"}, nil},
		{"a quotation run on by a short phrase after the cue: the run-on is content",
			"Mayor Tom Ward said “we will rebuild every bridge in the valley” for the town.",
			[]string{"“we will rebuild every bridge in the valley” for the town"}, []string{"Mayor Tom Ward"}, nil},
		{"a number before a full stop ends the sentence",
			"“The ferry is late again,” Ned Pike wrote on May 2. “Nobody told us why.”",
			[]string{"The ferry is late again", "Nobody told us why."}, []string{"Ned Pike", "Ned Pike"}, nil},
		{"no. is an abbreviation only before a number",
			"\"Is the ferry late?\" Ned Pike asked, shaking his head no. \"It always is.\"",
			[]string{"Is the ferry late?", "It always is."}, []string{"Ned Pike", "Ned Pike"}, nil},
		{"an opening mark misused as a closing one",
			"The vote was close. “It's unusual,“ said Larry Dunn, a lawyer in the city.",
			[]string{"It's unusual"}, []string{"Larry Dunn"}, nil},
		{"a dash line names the speaker of the quotation above",
			"\"We will keep every ferry running all winter.\"\n\n- Mara Quinn.\n\nThe council met later.",
			[]string{"We will keep every ferry running all winter."}, []string{"Mara Quinn"}, nil},
		{"an aside holding a short quoted name, a parenthesis after the name",
			"“We had better years,” delegate Bill Ames, wearing “Vote Ames” pins, said calmly. \"It is early,\" Sen. Ruth Pole (D-Ore.) said Saturday.",
			[]string{"We had better years", "It is early"}, []string{"delegate Bill Ames", "Sen. Ruth Pole"}, nil},
		{"a parenthesis with an abbreviation between the source and its cue",
			"Sen. Ruth Pole (D-Ore.) told reporters, “The ferry stays.” Rep. Al Kerr (R-Fla.) said that it would not.",
			[]string{"The ferry stays."}, []string{"Sen. Ruth Pole"}, nil},
		{"an abbreviation with its dot in an aside between the source and its cue",
			"“We will keep the ferry,” Senator Ann Lee, D-Ore., said.",
			[]string{"We will keep the ferry"}, []string{"Senator Ann Lee"}, nil},
		{"a closing mark opening a paragraph opens the quotation",
			"” … in the case of the ferry, the boat has already left,” wrote the Harbour Times.",
			[]string{"… in the case of the ferry, the boat has already left"}, []string{"the Harbour Times"}, nil},
		{"a later quotation with its own verb after a trailing attribution",
			"“We can wait,” Ann Lee said last week on the radio, though she said, “I hope to run.”",
			[]string{"We can wait", "I hope to run."}, []string{"Ann Lee", "she"}, nil},
		{"a quotation closing its own sentence is not run on",
			"Ned Pike yelled “You lie!” at the mayor during the hearing. Ann Lee declared “What a night!” and said that her campaign would go on.",
			[]string{"You lie!", "What a night!"}, []string{"Ned Pike", "Ann Lee"}, nil},
		{"quotations joined by a comma and and after a participle cue; the participle's subject speaks",
			"Ann Lee winked at the crowd, telling them, “I’m a sailor like you, folks,” and, “Is there anyone here who can’t row?”",
			[]string{"I’m a sailor like you, folks", "Is there anyone here who can’t row?"}, []string{"Ann Lee", "Ann Lee"}, nil},
		{"a question then name, present-tense cue and a clause",
			"“Who can count the ferries? Is it two?” Clinton asks as a porter walks past her.",
			[]string{"Who can count the ferries? Is it two?"}, []string{"Clinton"}, nil},
		{"a source opening with this or another",
			"“The crew is tired,” this source told the paper. “We sail anyway,” another sailor said.",
			[]string{"The crew is tired", "We sail anyway"}, []string{"this source", "another sailor"}, nil},
		{"as X puts it",
			"As the critic Dana Mill puts it, \"The harbour plan is dead in the water.\"",
			[]string{"The harbour plan is dead in the water."}, []string{""}, nil},
		{"a quoted show name between the cue and adding",
			"\"He has a chance,\" Ann Gray said on the \"Morning Show,\" adding, \"The rest do not.\"",
			[]string{"He has a chance", "The rest do not."}, []string{"Ann Gray", "Ann Gray"}, []string{"Morning Show"}},
		{"a quotation nested in curly marks",
			"Dr. Ada Ward stated: “The board is not about “Fair Play For All” at all. It never was.” The board declined to comment.",
			[]string{"The board is not about “Fair Play For All” at all. It never was."}, []string{"Dr. Ada Ward"}, nil},
		{"split quotation: a phrase with no verb of saying between the halves",
			"\"I have no idea how they voted,\" he said of people whose voting rights were previously restored, \"But I do know they care.\"",
			[]string{"I have no idea how they voted", "But I do know they care."}, []string{"he", "he"}, nil},
		{"a past-tense verb of saying after its subject heads no source",
			"Ann Lee was less cheerful: \"The market will hate this deal,\" she recounted telling them in her memoir. \"We will have to convince them.\"",
			[]string{"The market will hate this deal", "We will have to convince them."}, []string{"she", "she"}, nil},
		{"apostrophes",
			"Fans of the '80s band met at Jones' pub, reading 'n' singing till late.",
			nil, nil, []string{"80s", "n"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			qs := Extract(c.in)
			for _, q := range qs {
				checkInvariants(t, c.in, q)
			}
			for i, w := range c.direct {
				q, ok := find(qs, w)
				if !ok || q.Kind != data.Direct || q.Text != w {
					t.Errorf("want direct %q; got %s", w, dumpQuotes(qs))
					continue
				}
				if s := c.source[i]; s != "" && q.Source != s {
					t.Errorf("%q: source %q, want %q", w, q.Source, s)
				}
			}
			for _, n := range c.none {
				for _, q := range qs {
					if q.Kind == data.Direct && strings.Contains(q.Text, n) {
						t.Errorf("%q should not be direct: %s", n, dumpQuotes(qs))
					}
				}
			}
		})
	}
}

// TestRunOnQuoteOnce: a quotation run on after its cue is one content.
func TestRunOnQuoteOnce(t *testing.T) {
	qs := Extract("Mr Tom Ward said “it drives me mad” every time he drives past the site.")
	if len(qs) != 1 || qs[0].Kind != data.Direct {
		t.Errorf("want one direct attribution; got %s", dumpQuotes(qs))
	}
}

// TestPossessiveSource: a name after a possessive owner names the speaker
// (`the Post's Dana Mill`), and a lead-in sentence opening with such a
// name still introduces the quotation after it.
func TestPossessiveSource(t *testing.T) {
	qs := Extract("“The ferry is late,” the Harbour Post’s Dana Mill wrote on Monday.\n\nHarbour College’s Ann Lee agreed. “It always is.”")
	want := []struct{ text, speaker string }{{"The ferry is late", "Dana Mill"}, {"It always is.", "Ann Lee"}}
	if len(qs) != len(want) {
		t.Fatalf("want %d attributions; got %s", len(want), dumpQuotes(qs))
	}
	for i, w := range want {
		if qs[i].Text != w.text || qs[i].Speaker != w.speaker {
			t.Errorf("want %q by %q; got %s", w.text, w.speaker, dumpQuotes(qs))
		}
	}
}
