package quote

import (
	"slices"
	"strings"
	"testing"

	"byline/data"
)

// find returns the attribution whose text contains s.
func find(qs []data.Quote, s string) (data.Quote, bool) {
	for _, q := range qs {
		if strings.Contains(q.Text, s) {
			return q, true
		}
	}
	return data.Quote{}, false
}

func TestExtractTable(t *testing.T) {
	type want struct {
		text    string // a substring of the content
		kind    data.QuoteKind
		speaker string
		source  string // "-" = none
		cue     string // "" = not checked
		role    string // "" = not checked
	}
	cases := []struct {
		name string
		in   string
		want []want
		none []string // substrings that must not be attributed
	}{
		{"straight quote, pronoun after",
			"Mr Tom Ward arrived late. \"We will rebuild the bridge,\" he said.",
			[]want{{"We will rebuild the bridge", data.Direct, "Tom Ward", "he", "said", ""}}, nil},
		{"curly quotes, inverted cue",
			"Ann Lee runs the club.\n\n“The season starts in May,” said Ms Lee.",
			[]want{{"The season starts in May", data.Direct, "Ann Lee", "Ms Lee", "said", ""}}, nil},
		{"guillemets",
			"« Nous allons gagner », said Pierre Dubois.",
			[]want{{"Nous allons gagner", data.Direct, "Pierre Dubois", "Pierre Dubois", "said", ""}}, nil},
		{"single-quoted headline",
			"'We will win,' says Blair\n\nThe prime minister spoke on Monday.",
			[]want{{"We will win", data.Direct, "Blair", "Blair", "says", ""}}, nil},
		{"apostrophes are not quotes",
			"Jones' band played rock 'n' roll from the '90s. 'Tis the season, don't you know.",
			nil, []string{"n", "Tis", "90s"}},
		{"glued quote and sentence",
			"Kate Moss, the director, spoke on Monday.\"It is over,\" she said.\"We are done.\"Ms Moss left.Mr Grey stayed.",
			[]want{
				{"It is over", data.Direct, "Kate Moss", "she", "said", "the director"},
				{"We are done.", data.Direct, "Kate Moss", "she", "", ""},
			}, nil},
		{"cue between two halves",
			"\"This is the first half,\" Sam Hill said, \"and this is the second.\"",
			[]want{
				{"This is the first half", data.Direct, "Sam Hill", "Sam Hill", "said", ""},
				{"and this is the second.", data.Direct, "Sam Hill", "Sam Hill", "said", ""},
			}, nil},
		{"speaker before, colon",
			"Dr Maria Costa said: \"The results are clear. We need more trials.\"",
			[]want{{"The results are clear. We need more trials.", data.Direct, "Maria Costa", "Dr Maria Costa", "said", ""}}, nil},
		{"quote over two paragraphs",
			"Bill Stone said: \"The first paragraph ends here.\n\n\"The second one closes it.\"",
			[]want{
				{"The first paragraph ends here.", data.Direct, "Bill Stone", "Bill Stone", "said", ""},
				{"The second one closes it.", data.Direct, "Bill Stone", "", "", ""},
			}, nil},
		{"mixed partial quote",
			"The aim is to leave power with the \"minimum of harm\", Mr Jon Akers said in a statement.",
			[]want{{"The aim is to leave power with the \"minimum of harm\"", data.Mixed, "Jon Akers", "Mr Jon Akers", "said", ""}}, nil},
		{"indirect that-clause, organisation",
			"The United Nations said on Friday that it saw hope in the offer.",
			[]want{{"it saw hope in the offer", data.Indirect, "United Nations", "The United Nations", "said", ""}}, nil},
		{"according to",
			"According to the World Bank, growth will slow next year.",
			[]want{{"growth will slow next year", data.Indirect, "World Bank", "", "According to", ""}}, nil},
		{"told reporters",
			"Senator Joe Park told reporters the vote would be close.",
			[]want{{"the vote would be close", data.Indirect, "Joe Park", "", "told", ""}}, nil},
		{"role before the name",
			"UN envoy for Sudan Jan Berg said the talks were \"very constructive\".",
			[]want{{"the talks were", data.Mixed, "Jan Berg", "", "said", "UN envoy for Sudan"}}, nil},
		{"role in appositive",
			"Jeffrey Feltman, the UN envoy, said the offer was serious.",
			[]want{{"the offer was serious", data.Indirect, "Jeffrey Feltman", "Jeffrey Feltman", "said", "the UN envoy"}}, nil},
		{"pronoun gender from titles",
			"Mrs Ada King met Mr Bob Hart. She said the deal was done.",
			[]want{{"the deal was done", data.Indirect, "Ada King", "She", "said", ""}}, nil},
		{"it resolves to an organisation",
			"Mr Sam Cole criticised the Acme Corp. It said the claims were false.",
			[]want{{"the claims were false", data.Indirect, "Acme Corp", "It", "said", ""}}, nil},
		{"scare quotes and titles are not quotes",
			"The film \"Dark Water\" opened in Leeds. Critics found the plot \"odd\" at best.",
			nil, []string{"Dark Water", "odd"}},
		{"I and we inside a quote are not the speaker",
			"\"I think we should go,\" Lena Park said.",
			[]want{{"I think we should go", data.Direct, "Lena Park", "Lena Park", "said", ""}}, nil},
		{"unmatched quote does not swallow the article",
			"He said \"this never closes. " + strings.Repeat("Filler words go here and on. ", 60) + "\n\nMary Fox said the end was near.",
			[]want{{"the end was near", data.Indirect, "Mary Fox", "Mary Fox", "said", ""}}, nil},
		{"following quote continues the speaker",
			"\"First,\" Tim Oak said.\n\n\"Second, with no cue.\"",
			[]want{{"Second, with no cue.", data.Direct, "Tim Oak", "", "", ""}}, nil},
		{"relative clause is neither content nor role",
			"Marta Ruiz, whose bakery on Mill Lane has sold rye bread every winter since 1998, said she had cut her opening hours.",
			[]want{{"she had cut her opening hours", data.Indirect, "Marta Ruiz", "Marta Ruiz", "said", ""}},
			[]string{"whose bakery"}},
		{"relative clause after a role is not a role",
			"Port envoy Lena Hart, who asked last week for the rules to be delayed, said the request had failed.",
			[]want{{"the request had failed", data.Indirect, "Lena Hart", "", "said", "Port envoy"}}, nil},
		{"bare title resolves to the named holder",
			"President Oskar Lind opened the bridge on Monday.\n\nLater the President told reporters the toll would be \"small and temporary\".",
			[]want{{"the toll would be", data.Mixed, "Oskar Lind", "the President", "told", ""}}, nil},
		{"bare title with no holder is no speaker",
			"The President told reporters the toll would be small.",
			[]want{{"the toll would be small", data.Indirect, "", "The President", "told", ""}}, nil},
		{"age between speaker and cue",
			"\"We waited all night for the ferry,\" Ruth Mayo, 58, told reporters.",
			[]want{{"We waited all night for the ferry", data.Direct, "Ruth Mayo", "Ruth Mayo", "told", ""}}, nil},
		{"plural possessive in the role",
			"\"The count is final,\" Ian Cole, the voters’ registrar, said on Friday.",
			[]want{{"The count is final", data.Direct, "Ian Cole", "Ian Cole", "said", "the voters’ registrar"}}, nil},
		{"inverted past-tense verb before a name",
			"\"This is wonderful!\" beamed Nora Quist as the boats came in.",
			[]want{{"This is wonderful!", data.Direct, "Nora Quist", "Nora Quist", "beamed", ""}}, nil},
		{"inverted cue with a company",
			"\"Sales rose in every region,\" says the company.",
			[]want{{"Sales rose in every region", data.Direct, "", "the company", "says", ""}}, nil},
		{"inverted cue with a title and surname",
			"\"The vote is lost,\" said Mr Smith.",
			[]want{{"The vote is lost", data.Direct, "Smith", "Mr Smith", "said", ""}}, nil},
		{"speaker named after a long quote",
			"\"We have spent three years on this plan, and we have met every family on the street, and we will not give up now that the council has finally listened to us,\" said Priya Naidu, who leads the residents' group.",
			[]want{{"We have spent three years on this plan", data.Direct, "Priya Naidu", "Priya Naidu", "said", ""}}, nil},
		{"according to after the content",
			"Fares will rise by 4% in May, according to the transport board.",
			[]want{{"Fares will rise by 4% in May", data.Indirect, "", "the transport board", "according to", ""}}, nil},
		{"pronoun speaker resolves to the last person",
			"Dr Lea Moss runs the clinic. She said the wait was now two weeks.",
			[]want{{"the wait was now two weeks", data.Indirect, "Lea Moss", "She", "said", ""}}, nil},
		{"nested single quote inside a double quote",
			"\"He told me, 'Come back tomorrow,' and then he left,\" said Omar Haddad.",
			[]want{{"He told me, 'Come back tomorrow,' and then he left", data.Direct, "Omar Haddad", "Omar Haddad", "said", ""}}, nil},
		{"scare quotes after so-called and titles are not quotes",
			"The so-called \"reform\" passed on Tuesday. Her novel \"The Salt Road\" sold well.",
			nil, []string{"reform", "The Salt Road"}},
		{"apostrophes do not open quotes",
			"Fans of the '80s band met at Jones' pub. Ana Ruiz said the night was a success.",
			[]want{{"the night was a success", data.Indirect, "Ana Ruiz", "Ana Ruiz", "said", ""}},
			[]string{"80s band met"}},
		{"three apostrophes close a single then a double mark",
			"''I would call it 'old-school,''' said Greg Salt.",
			[]want{{"I would call it 'old-school,'", data.Direct, "Greg Salt", "Greg Salt", "said", ""}}, nil},
		{"lead-in sentence before a lone quotation",
			"Mr Hal Berg shrugged. \"We will see what the weather does.\"",
			[]want{{"We will see what the weather does.", data.Direct, "Hal Berg", "Mr Hal Berg", "shrugged", ""}}, nil},
		{"quotation opening a content run on by the writer",
			"\"We are extremely happy with the deal\" after months of talks, said Rosa Diaz.",
			[]want{{"We are extremely happy with the deal\" after months of talks", data.Direct, "Rosa Diaz", "Rosa Diaz", "said", ""}}, nil},
		{"passive said is not speech",
			"Mrs Ann Reed fell on the ice. She was said to be in a stable condition.",
			nil, []string{"to be in a stable condition"}},
		{"a participle with its agent is not speech",
			"Pay will rise as part of new plans announced by the Trade Secretary Patricia Hewitt. It would mean longer leave, Ms Hewitt told GMTV.",
			[]want{{"It would mean longer leave", data.Indirect, "Patricia Hewitt", "Ms Hewitt", "told", ""}}, []string{"by the Trade Secretary Patricia Hewitt"}},
		{"headline name and colon",
			"Rovers boss Keller: \"We will not panic\"\n\nRovers manager Marc Keller spoke after the match.",
			[]want{{"We will not panic", data.Direct, "Marc Keller", "Rovers boss Keller", ":", ""}}, nil},
		{"a titled surname before a full name introduced with a role is somebody else",
			"Mrs Jones said she was pleased. Dafydd Jones, a farmer, said he was not.",
			[]want{{"she was pleased", data.Indirect, "Jones", "Mrs Jones", "said", ""},
				{"he was not", data.Indirect, "Dafydd Jones", "Dafydd Jones", "said", "a farmer"}}, nil},
		{"a role then the name set off after an inverted cue",
			"\"We won,\" said the coach, John Reed. \"We deserved it.\"",
			[]want{{"We won", data.Direct, "John Reed", "John Reed", "said", "the coach"},
				{"We deserved it.", data.Direct, "John Reed", "John Reed", "", "the coach"}}, nil},
		{"a role then the name set off before a trailing cue",
			"\"Rock 'n' roll is not dead,\" Ms Smith's manager, Tom Jones, said.",
			[]want{{"Rock 'n' roll is not dead", data.Direct, "Tom Jones", "Tom Jones", "said", "Ms Smith's manager"}}, nil},
		{"a role then the name set off before the cue",
			"The firm's chief executive, Ann Lee, said profits would rise next year.",
			[]want{{"profits would rise next year", data.Indirect, "Ann Lee", "Ann Lee", "said", "The firm's chief executive"}}, nil},
		{"percent and currency signs are part of the content",
			"Sales rose 3%, the company said. $5m will be spent on roads, Mayor Ann Lee said.",
			[]want{{"Sales rose 3%", data.Indirect, "", "the company", "said", ""},
				{"$5m will be spent on roads", data.Indirect, "Ann Lee", "Mayor Ann Lee", "said", ""}}, nil},
		{"a time before the speaker is not part of the source",
			"Last week officials said the road would close.",
			[]want{{"the road would close", data.Indirect, "", "officials", "said", ""}}, nil},
		{"wrote in to is no cue",
			"After the launch, fans wrote in to the station to complain about the noise.",
			nil, []string{"to the station"}},
		{"wrote in a paper is a cue",
			"Ann Lee wrote in the Gazette that the plan would fail.",
			[]want{{"the plan would fail", data.Indirect, "Ann Lee", "Ann Lee", "wrote", ""}}, nil},
		{"two apostrophes as marks",
			"''We are ready,'' said Mr. Kim Lee.",
			[]want{{"We are ready", data.Direct, "Kim Lee", "Mr. Kim Lee", "said", ""}}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			qs := Extract(c.in)
			for _, q := range qs {
				checkInvariants(t, c.in, q)
			}
			for _, w := range c.want {
				q, ok := find(qs, w.text)
				if !ok {
					t.Errorf("no attribution containing %q; got %s", w.text, dumpQuotes(qs))
					continue
				}
				if q.Kind != w.kind || q.Speaker != w.speaker {
					t.Errorf("%q: kind %s speaker %q, want %s %q", w.text, q.Kind, q.Speaker, w.kind, w.speaker)
				}
				if w.source == "-" && q.Source != "" || w.source != "-" && w.source != "" && q.Source != w.source {
					t.Errorf("%q: source %q, want %q", w.text, q.Source, w.source)
				}
				if w.cue != "" && q.Cue != w.cue {
					t.Errorf("%q: cue %q, want %q", w.text, q.Cue, w.cue)
				}
				if w.role != "" && q.Role != w.role {
					t.Errorf("%q: role %q, want %q", w.text, q.Role, w.role)
				}
			}
			for _, n := range c.none {
				for _, q := range qs {
					if strings.TrimSpace(q.Text) == n || strings.Contains(q.Text, n) && q.Kind == data.Direct {
						t.Errorf("%q should not be attributed: %s", n, dumpQuotes(qs))
					}
				}
			}
		})
	}
}

func dumpQuotes(qs []data.Quote) string {
	var b strings.Builder
	for _, q := range qs {
		b.WriteString("\n\t" + string(q.Kind) + " " + q.Speaker + " [" + q.Source + "/" + q.Cue + "] " + q.Text)
	}
	return b.String()
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Mr Blair":                  "blair",
		"Mr. José  O'Neil-Smith":    "jose oneil smith",
		"President Bashar al-Assad": "bashar al assad",
		"Sen. Ted Cruz":             "ted cruz",
		"Prof Dr Ana Núñez":         "ana nunez",
		"President":                 "president",
		"  the UN ":                 "the un",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMergeSpeakers(t *testing.T) {
	names := []string{"Blair", "Tony Blair", "the UN", "UN", "United Nations", "the United Nations",
		"Clinton", "Bill Clinton", "Hillary Clinton", "Hillary Rodham Clinton", "Madonna", "Gordon Brown", "Brown"}
	got := MergeSpeakers(names, nil)
	want := map[string]string{
		"Blair": "Tony Blair", "Tony Blair": "Tony Blair",
		"the UN": "United Nations", "UN": "United Nations", "United Nations": "United Nations", "the United Nations": "United Nations",
		"Clinton": "Clinton", "Hillary Clinton": "Hillary Rodham Clinton", "Bill Clinton": "Bill Clinton",
		"Madonna": "Madonna", "Brown": "Gordon Brown",
	}
	for in, w := range want {
		if got[in] != w {
			t.Errorf("MergeSpeakers: %q -> %q, want %q", in, got[in], w)
		}
	}
}

// TestMergeSpeakersByArticles: a name with a word run into its front, in
// far fewer articles than the name, joins the name and is no fuller form of
// it; a merged speaker is called by the name most articles use.
func TestMergeSpeakersByArticles(t *testing.T) {
	// (the rarer forms first: the order the names come in decides nothing)
	names := []string{"Vermonter Bernie Sanders", "Sanders", "Bernie Sanders",
		"Donald J. Trump", "Billionaire Donald Trump", "Korea Donald Trump", "Donald Trump",
		"Hillary Rodham Clinton", "Hillary Clinton",
		"Manuel Barroso", "Jose Manuel Barroso", "Obama", "Barack Obama", "Michelle Obama"}
	articles := []int{1, 9, 87, 30, 1, 1, 189, 20, 120, 2, 2, 22, 21, 2}
	check := func(got, want map[string]string) {
		t.Helper()
		for in, w := range want {
			if got[in] != w {
				t.Errorf("MergeSpeakers: %q -> %q, want %q", in, got[in], w)
			}
		}
	}
	want := map[string]string{
		"Bernie Sanders": "Bernie Sanders", "Vermonter Bernie Sanders": "Bernie Sanders", "Sanders": "Bernie Sanders",
		"Donald Trump": "Donald Trump", "Donald J. Trump": "Donald Trump", "Billionaire Donald Trump": "Donald Trump",
		"Korea Donald Trump": "Donald Trump",
		"Hillary Clinton":    "Hillary Clinton", "Hillary Rodham Clinton": "Hillary Clinton",
		// as common as the name inside it: a given name, not a word run in
		"Manuel Barroso": "Jose Manuel Barroso", "Jose Manuel Barroso": "Jose Manuel Barroso",
		// two Obamas: the surname alone stays ambiguous
		"Obama": "Obama", "Barack Obama": "Barack Obama", "Michelle Obama": "Michelle Obama",
	}
	check(MergeSpeakers(names, articles), want)
	// in three articles a name is no run-in but a fuller form, as "Tony
	// Blair" is of "Blair": one speaker, called by the name more use
	names = append(names, "John Paul Jones", "Paul Jones", "Liar of the Year Barack Obama")
	articles = append(articles, 3, 40, 1)
	want["John Paul Jones"], want["Paul Jones"] = "Paul Jones", "Paul Jones"
	// a longer run-in joins too, and the speaker keeps its best-known name
	want["Liar of the Year Barack Obama"] = "Barack Obama"
	check(MergeSpeakers(names, articles), want)
	// fewer counts than names: the rest count once, no panic (review)
	if m := MergeSpeakers([]string{"Ann Lee", "Lee"}, []int{3}); m["Lee"] != "Ann Lee" {
		t.Errorf("short counts: %v", m)
	}
}

// `According to X, the role, ...` keeps the role out of the content, and the
// words from the source's comma to the sentence's end are the content, not
// a role.
func TestAccordingToWithAnAppositive(t *testing.T) {
	for _, tc := range []struct{ in, text, speaker, role string }{
		{"According to Jane Roe, the mayor, the bridge will reopen in May.", "the bridge will reopen in May", "Jane Roe", "the mayor"},
		{"According to police, the man was held overnight.", "the man was held overnight", "", ""},
		{"According to the council, the economy, however, is weak.", "the economy, however, is weak", "", ""},
		{"According to police, the man, a local farmer, was held.", "the man, a local farmer, was held", "", ""},
		{"According to the council, the bridge, closed since March, will reopen.", "the bridge, closed since March, will reopen", "", ""},
		{"According to the board, the plan, which was drafted in May, will go ahead.", "the plan, which was drafted in May, will go ahead", "", ""},
	} {
		qs := Extract(tc.in)
		if len(qs) != 1 || qs[0].Text != tc.text || qs[0].Speaker != tc.speaker || qs[0].Role != tc.role {
			t.Errorf("%s\n got %+v\nwant text %q, speaker %q, role %q", tc.in, qs, tc.text, tc.speaker, tc.role)
		}
	}
}

// A single-quoted sentence making up its unit goes on with the
// single-quoted quotation attributed just before it in the paragraph
// (British style); single-quoted words elsewhere stay unattributed.
func TestSingleQuotedContinuation(t *testing.T) {
	qs := Extract("'We will fight on,' the leader said. 'There is no other way.'")
	if len(qs) != 2 || qs[1].Text != "There is no other way." || qs[1].Role != "the leader" || qs[1].Kind != data.Direct {
		t.Errorf("continuation: %+v", qs)
	}
	for _, in := range []string{
		"'We will fight on,' the leader said. 'Victory' is their slogan.",
		"'We will fight on,' the leader said.\n\n'Later.'",
	} {
		if qs := Extract(in); len(qs) != 1 {
			t.Errorf("%q: %d quotes, want 1: %+v", in, len(qs), qs)
		}
	}
}

// A single-quoted fragment of two words or more in reported speech makes it
// mixed; one single-quoted word does not (it may be an apostrophe).
func TestSingleQuotedFragmentIsMixed(t *testing.T) {
	for in, want := range map[string]data.QuoteKind{
		"Mr Brown said the plans were 'ambitious but achievable'.": data.Mixed,
		"Ms Lee said the firm's 'bold' strategy had failed.":       data.Indirect,
	} {
		if qs := Extract(in); len(qs) != 1 || qs[0].Kind != want {
			t.Errorf("%q: %+v, want one %s quote", in, qs, want)
		}
	}
}

// A cue opening its sentence has its speaker after it, then the quotation,
// maybe after an aside; an aside with a cue of its own is no such case.
func TestOpeningCue(t *testing.T) {
	for in, speaker := range map[string]string{
		`Said Tom Reed: "It is over."`: "Tom Reed",
		`Said Dorothy Poynter, who grew up with Ali in the neighborhood, "We were all so proud of him."`: "Dorothy Poynter",
	} {
		if qs := Extract(in); len(qs) != 1 || qs[0].Speaker != speaker || qs[0].Kind != data.Direct || qs[0].Cue != "Said" {
			t.Errorf("%s\n got %+v, want a direct quote by %s", in, qs, speaker)
		}
	}
	in := `According to the paper, one road sign read, "Buckle up."`
	if qs := Extract(in); len(qs) == 1 && qs[0].Source == "the paper" && qs[0].Kind == data.Direct {
		t.Errorf("%s\n the sign's words given to the paper: %+v", in, qs)
	}
}

// An unnamed speaker is named with where they work (`an official at the
// ministry`), but not with where they spoke (`at the briefing`).
func TestSpeakerWithPlaceOfWork(t *testing.T) {
	for in, source := range map[string]string{
		"“We are ready,” an official at the ministry said.":    "an official at the ministry",
		"“We are ready,” a source in the government said.":     "a source in the government",
		"“We are ready,” said a spokeswoman from the council.": "a spokeswoman from the council",
		"“We are ready,” said the minister at the briefing.":   "the minister",
		"A senior source at the club said: “We are ready.”":    "A senior source at the club",
		"The minister at the briefing said: “We are ready.”":   "The minister",
	} {
		if qs := Extract(in); len(qs) != 1 || qs[0].Source != source {
			t.Errorf("%s\n got %+v, want source %q", in, qs, source)
		}
	}
}

// A speaker's age and where they are from, set off by commas, stand
// between the name and the cue (`Mr Smith, 52, from Leeds, said`).
func TestAgeAndAsideBeforeTheCue(t *testing.T) {
	for _, in := range []string{
		"Mr John Smith, 52, from Leeds, said: “It was a shock.”",
		"“It was a shock,” Mr John Smith, 52, from Leeds, said.",
		"John Smith, 52, a nurse, said it was a shock.",
	} {
		if qs := Extract(in); len(qs) != 1 || qs[0].Speaker != "John Smith" || !strings.Contains(qs[0].Text, "shock") {
			t.Errorf("%s\n got %+v, want John Smith's quote", in, qs)
		}
	}
}

// After "told" and a named object, a clause starting with "the" is the
// content (`told CNN the result was ...`), not more of the object.
func TestToldANamedObject(t *testing.T) {
	for in, text := range map[string]string{
		"Mr Tom Ward told CNN the result was a disaster.":                           "the result was a disaster",
		"Mr Tom Ward told the BBC the result was “a disaster”.":                     "the result was “a disaster”",
		"Mr Tom Ward told BBC Radio 4’s Today programme the result was a disaster.": "the result was a disaster",
		"Mr Tom Ward told reporters the result was a disaster.":                     "the result was a disaster",
	} {
		if qs := Extract(in); len(qs) != 1 || qs[0].Text != text || qs[0].Speaker != "Tom Ward" {
			t.Errorf("%s\n got %+v, want %q", in, qs, text)
		}
	}
}

// Verbs of manner (questioned, implored, screamed back) cue the quotation
// beside them; after a quoted sentence, such a verb with a clause of its own
// (`questioned what ...`) is not that quotation's cue, which goes on with
// the speaker before.
func TestMannerOfSpeakingBesideTheQuote(t *testing.T) {
	for in, want := range map[string]string{
		"“What was the pivot point?” Glenn Beck questioned.":                                                                                              "Glenn Beck",
		"“Don't you care?”, implored campaigner Barry Lim.":                                                                                               "Barry Lim",
		"Mayor Ann Lee asked who would pay. “Mexico!” the audience screamed back.":                                                                        "the audience",
		"Nicola Sturgeon said the ban would help. “But some people have concerns.” The party leader, David McLetchie, questioned what would be exempted.": "Nicola Sturgeon",
	} {
		var got []string
		for _, q := range Extract(in) {
			if q.Kind == data.Direct {
				got = append(got, saidBy(q))
			}
		}
		if len(got) != 1 || got[0] != want {
			t.Errorf("%s\n direct quotes by %q, want one by %q", in, got, want)
		}
	}
}

// A pronoun source is the one who spoke in the sentence before, not the
// first name in it when that name stands in a phrase before the subject.
func TestPronounIsTheSpeakerBefore(t *testing.T) {
	for in, want := range map[string]string{
		"On the re-election of George Bush, Mr Tom Kennedy said Iraq was a mess. “It is bad,” he said.":            "Tom Kennedy",
		"After talks with Hillary Clinton, Ms Ann Kunin said the deal was close. “We are nearly there,” she said.": "Ann Kunin",
		"George Bush won. Mr Tom Kennedy said Iraq was a mess. “It is bad,” he said.":                              "Tom Kennedy",
	} {
		qs := Extract(in)
		if len(qs) != 2 || qs[1].Speaker != want {
			t.Errorf("%s\n got %+v, want the second quote by %s", in, qs, want)
		}
	}
}

// A linking word or phrase set off by commas between the speaker and the
// cue (`, however,`, `, for example,`) is neither the source nor its role.
func TestLinkingAsideBeforeTheCue(t *testing.T) {
	for in, want := range map[string][2]string{
		"Brian Murphy, for example, said Trump was hurting his cause.":                                    {"Brian Murphy", ""},
		"Brian Murphy, the chairman of the county party in New Hampshire, for example, said it was late.": {"Brian Murphy", "the chairman of the county party in New Hampshire"},
		"Ann Lee, however, said the plan would fail.":                                                     {"Ann Lee", ""},
		"“We will see,” Ann Lee, for her part, said.":                                                     {"Ann Lee", ""},
	} {
		qs := Extract(in)
		if len(qs) != 1 || qs[0].Speaker != want[0] || qs[0].Role != want[1] {
			t.Errorf("%s\n got %+v, want %s (role %q)", in, qs, want[0], want[1])
		}
	}
}

// `X said A, while Y said B`: a second clause with a speaker and a verb of
// saying of its own ends the first content and is an attribution itself.
func TestCoordinatedReports(t *testing.T) {
	for in, want := range map[string][]string{
		"Kelly Ayotte said she would back the nominee, while Susan Collins suggested they would wait.": {"Kelly Ayotte: she would back the nominee", "Susan Collins: they would wait"},
		"Critics say the treaty goes too far, but advocates say it is needed.":                         {"Critics: the treaty goes too far", "advocates: it is needed"},
		"Kelly Ayotte said prices rose, and wages fell.":                                               {"Kelly Ayotte: prices rose, and wages fell"},
		// a second clause too short to be attributed leaves the first whole
		"Tom Reed said the plan failed, and the mayor said wages fell.": {"Tom Reed: the plan failed, and the mayor said wages fell"},
	} {
		if got := whoSaidWhat(in); !slices.Equal(got, want) {
			t.Errorf("%s\n got %q\nwant %q", in, got, want)
		}
	}
}

// `X said A but added, "B"`: a second verb of saying joined to the first
// by "and" or "but", with no subject of its own, reports a content of its
// own for the same speaker.
func TestSharedSubjectCues(t *testing.T) {
	for in, want := range map[string][]string{
		"Ann Lee said the ferry was late but added, \"We will sail tonight.\"":   {"Ann Lee: the ferry was late", "Ann Lee: We will sail tonight."},
		"Tom Reed said the plan failed and insisted that the mayor must resign.": {"Tom Reed: the plan failed", "Tom Reed: the mayor must resign"},
		// the verb after "and" belongs to a relative clause, or is no report
		"Tom Reed said residents who came and asked questions were sent home.": {"Tom Reed: residents who came and asked questions were sent home"},
		"Ned Pike said he voted for Lee in 2008 and wrote in Reed in 2012.":    {"Ned Pike: he voted for Lee in 2008 and wrote in Reed in 2012"},
	} {
		if got := whoSaidWhat(in); !slices.Equal(got, want) {
			t.Errorf("%s\n got %q\nwant %q", in, got, want)
		}
	}
}

// Linking asides before a cue are passed over all at once: trying each in
// turn both ways took time exponential in their number (30 took 0.4 s, so
// these 200 would never end).
func TestManyAsidesBeforeACue(t *testing.T) {
	// No name before the asides: every way of reading them fails.
	in := "Because" + strings.Repeat(", also", 200) + ", said it was fine."
	if qs := Extract(in); len(qs) > 1 {
		t.Errorf("got %+v", qs)
	}
	in = "Mr Tom Reed" + strings.Repeat(", also", 200) + ", said it was fine."
	if qs := Extract(in); len(qs) != 1 || qs[0].Speaker != "Tom Reed" {
		t.Errorf("got %+v, want Tom Reed's quote", qs)
	}
}

// Words before the speaker or after the cue that say when, where or how it
// was said, or name the work the words came from, are not what was said.
func TestCircumstancesAreNotContent(t *testing.T) {
	for in, want := range map[string][]string{
		"Last spring, Ann Lee said at a press conference, “I did not send it.”":                          {"Ann Lee: I did not send it."},
		"Sam Lau said in a statement. “There are no ballots to recount.”":                                {"Sam Lau: There are no ballots to recount."},
		"The revolution dampened plans to return home, Mr Tom Reed said in his book, “An American Son.”": {"Tom Reed: The revolution dampened plans to return home"},
		"Others say this is just a rough patch.":                                                         {"Others: this is just a rough patch"},
	} {
		if got := whoSaidWhat(in); !slices.Equal(got, want) {
			t.Errorf("%s\n got %q\nwant %q", in, got, want)
		}
	}
}

// A definite role as the source (`the home secretary`) is the person named
// before in that role; a deputy, or another body's president, is not.
func TestRoleAsSource(t *testing.T) {
	for in, want := range map[string]string{
		"Home Secretary Charles Clarke spoke first. The home secretary said the plan was fair.":          "Charles Clarke",
		"London Mayor Ken Livingstone opened the line. The mayor said the trains would run.":             "Ken Livingstone",
		"Deputy Prime Minister John Prescott spoke first. The prime minister said the plan was fair.":    "",
		"World Bank President Jim Kim met President Barack Obama. The president said the plan was fair.": "Barack Obama",
	} {
		qs := Extract(in)
		if len(qs) != 1 || qs[0].Speaker != want {
			t.Errorf("%s\n got %+v, want a quote by %q", in, qs, want)
		}
	}
}

// saidBy names who said q: its speaker, else the words of its source.
func saidBy(q data.Quote) string {
	if q.Speaker != "" {
		return q.Speaker
	}
	return q.Source
}

// whoSaidWhat lists the quotes of in as "who: text".
func whoSaidWhat(in string) []string {
	var got []string
	for _, q := range Extract(in) {
		got = append(got, saidBy(q)+": "+q.Text)
	}
	return got
}
