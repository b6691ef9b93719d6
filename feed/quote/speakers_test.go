package quote

import (
	"fmt"
	"testing"
)

// Naming who spoke: pronouns, source phrases, papers, ranks and groups.

// A pronoun source goes past what nothing shows to be a person: a
// capitalised run whose words the article also writes in lower case (`New
// Year`), or one where a place goes (`in Central Park`). And a unit whose
// speaker was itself "he" of someone gives "he" that someone, not a name
// the unit mentions (`Mr Blair` in what Mr Kennedy said of him).
func TestPronounSkipsWhatIsNoPerson(t *testing.T) {
	for in, want := range map[string]string{
		"Mr Tom Smith spoke first. Later Bill Hunt arrived, just as the bill was debated. “We must act now,” he said.":                          "Bill Hunt",
		"Liberal Democrat leader Charles Kennedy said a new poll showed a close race. His New Year message was upbeat. “We will win,” he said.": "Charles Kennedy",
		"Mr Mark Croucher thanked the volunteers. The rally was held in Central Park. “It went well,” he said.":                                 "Mark Croucher",
		"Mr Tom Kennedy said the plans were flawed. But he said Mr Tony Blair had lost the trust of voters. “There is no trust,” he said.":      "Tom Kennedy",
	} {
		qs := Extract(in)
		if len(qs) == 0 || qs[len(qs)-1].Speaker != want {
			t.Errorf("%s\n got %+v, want the last quote by %s", in, qs, want)
		}
	}
}

// A pronoun's guess (the only candidate in reach is a thing-like name) is
// not a speaker the next pronoun takes from its unit: a run of "he said"
// does not carry the guess on past the units where it could be meant.
func TestPronounGuessDoesNotCarryOn(t *testing.T) {
	in := "The Gambling Bill was debated, and a bill is a bill."
	for i := 0; i < 12; i++ {
		in += fmt.Sprintf(" “Point %d,” he said.", i)
	}
	qs := Extract(in)
	if len(qs) != 12 || qs[0].Speaker != "Gambling Bill" || qs[11].Speaker != "" {
		t.Errorf("%s\n got %+v, want the first quote guessed, the last unattributed", in, qs)
	}
}

// A source phrase headed by a person's name, titled or followed by a
// comma, "of", "from" or "at", is the person's, not the body or place the
// rest of the phrase names.
func TestSourceHeadedByAPerson(t *testing.T) {
	for in, want := range map[string]string{
		"Hannah Ward of the Refugee Council said the rules were unfair.":                   "Hannah Ward",
		"Dr Ann Gibbons, who was a GP in the Upper Afan Valley, said the plan would work.": "Ann Gibbons",
		"Paul Goosens, head of Preventon, said people had become more careful.":            "Paul Goosens",
		"Banned American sprinter Kelli White said she was sorry.":                         "Kelli White",
		"Real Madrid midfielder Guti said the team would win.":                             "Guti",
	} {
		qs := Extract(in)
		if len(qs) != 1 || qs[0].Speaker != want {
			t.Errorf("%s\n got %+v, want a quote by %s", in, qs, want)
		}
	}
}

// A day in a newspaper's name is part of it (a day otherwise ends a name),
// and what a sentence opening "According to" the paper says after its
// comma is no role of the paper.
func TestSundayPapers(t *testing.T) {
	for in, want := range map[string][2]string{
		"According to the Daily Telegraph, the bid failed.":                     {"Daily Telegraph", ""},
		"The Mail on Sunday said the deal was off.":                             {"Mail on Sunday", ""},
		"The Independent on Sunday reported that the bid had failed.":           {"Independent on Sunday", ""},
		"The Washington Post on Sunday reported that the deal was off.":         {"Washington Post", ""},
		"The Daily Telegraph on Saturday reported that the bid had failed.":     {"Daily Telegraph", ""},
		"The Sunday Times reported that the firm would be sold.":                {"Sunday Times", ""},
		"According to the Sunday Telegraph, the bid had failed.":                {"Sunday Telegraph", ""},
		"According to Robert Walsh, head of Krome Studios, the game sold well.": {"Robert Walsh", "head of Krome Studios"},
		"Mr Tom Smith told Reuters on Sunday that he would stay.":               {"Tom Smith", ""},
	} {
		qs := Extract(in)
		if len(qs) != 1 || qs[0].Speaker != want[0] || qs[0].Role != want[1] {
			t.Errorf("%s\n got %+v, want a quote by %q, role %q", in, qs, want[0], want[1])
		}
	}
}

// Letters after a name (MP, QC) and ranks before it without a full stop
// (Lt Col, Gen) are a role, not the name; "Jr" is the name.
func TestPostNominalsAndRanks(t *testing.T) {
	for in, want := range map[string][2]string{
		"The company, ADM, said it would review the plan.":       {"ADM", "The company"},
		"Voters were angry, said the Ealing North MP.":           {"Ealing North MP", ""},
		"Frank Field MP said the plan was wrong.":                {"Frank Field", "MP"},
		"Guy Mansfield QC said the case was strong.":             {"Guy Mansfield", "QC"},
		"Lt Col Eric Schnaible told reporters the work went on.": {"Eric Schnaible", "Lt Col"},
		"Donald Trump Jr said the campaign would go on.":         {"Donald Trump Jr", ""},
	} {
		qs := Extract(in)
		if len(qs) != 1 || qs[0].Speaker != want[0] || qs[0].Role != want[1] {
			t.Errorf("%s\n got %+v, want a quote by %q, role %q", in, qs, want[0], want[1])
		}
	}
}

// A plural noun for people opening a sentence (`Analysts said`) is a
// group that spoke, no speaker's name: the speakers list would otherwise
// rank "Analysts" among the most quoted.
func TestGroupIsNoSpeaker(t *testing.T) {
	for in, want := range map[string][2]string{
		"Analysts said the bank would raise rates.": {"", "Analysts"},
		"MPs said the bill would pass.":             {"", "MPs"},
		"Jones said the team would win.":            {"Jones", ""},
	} {
		qs := Extract(in)
		if len(qs) != 1 || qs[0].Speaker != want[0] || qs[0].Role != want[1] {
			t.Errorf("%s\n got %+v, want speaker %q, role %q", in, qs, want[0], want[1])
		}
	}
}

// A participle of saying after the sentence's clause (`..., saying ...`)
// reports what the clause's subject said; after a phrase that opens the
// sentence, it has no subject to report.
func TestParticipleAfterTheClause(t *testing.T) {
	for in, want := range map[string]string{
		"Mr Tom Smith rejected the plan, saying it would apply to just 1% of families.": "Tom Smith",
		"She praised the report, saying it was the best in years.":                      "",
	} {
		qs := Extract(in)
		if len(qs) != 1 || qs[0].Speaker != want || qs[0].Cue != "saying" {
			t.Errorf("%s\n got %+v, want one quote by %q, cue saying", in, qs, want)
		}
	}
	if qs := Extract("In London, saying goodbye to friends was hard for all of us."); len(qs) != 0 {
		t.Errorf("a participle with no clause before it: %+v", qs)
	}
}

// `the mayor of London said`: the place a role is of is not who spoke. A
// body stays the speaker of its officials' words.
func TestPlaceOfARoleIsNoSpeaker(t *testing.T) {
	for in, want := range map[string][2]string{
		"The plan was sound, said the mayor of Newcastle and Gateshead.": {"", "the mayor of Newcastle and Gateshead"},
		"The mayor of London said the plan was sound.":                   {"", "The mayor of London"},
		"A spokesman for the Home Office said the plan was sound.":       {"Home Office", ""},
	} {
		qs := Extract(in)
		if len(qs) != 1 || qs[0].Speaker != want[0] || want[1] != "" && qs[0].Role != want[1] {
			t.Errorf("%s\n got %+v, want speaker %q, role %q", in, qs, want[0], want[1])
		}
	}
}

// What a spokesman says is the person's, via the spokesman: the role's
// first letter is lowered whole, however many bytes it takes.
func TestViaASpokesman(t *testing.T) {
	for in, want := range map[string]string{
		"A spokesman for Mr Tom Smith said the plan was sound.":     "via a spokesman",
		"Élite spokesman for Mr Tom Smith said the plan was sound.": "via élite spokesman",
	} {
		qs := Extract(in)
		if len(qs) != 1 || qs[0].Speaker != "Tom Smith" || qs[0].Role != want {
			t.Errorf("%s\n got %+v, want Tom Smith, role %q", in, qs, want)
		}
	}
}

// An article that asks about many names (past the first few look-ups,
// which scan it) gathers its lower-case words once; the answers are the
// same: each "he" passes over its thing-like hall to the person before.
func TestManyThingLikeNames(t *testing.T) {
	var in string
	for i := range 24 {
		in += fmt.Sprintf("Mr Tom Smith%d spoke. The Grand Hall%d was full, the new hall%d too. “It went well,” he said. ", i, i, i)
	}
	qs := Extract(in)
	if len(qs) != 24 {
		t.Fatalf("%d quotes, want 24", len(qs))
	}
	for i, q := range qs {
		if want := fmt.Sprintf("Tom Smith%d", i); q.Speaker != want {
			t.Errorf("quote %d by %q, want %q", i, q.Speaker, want)
		}
	}
}
