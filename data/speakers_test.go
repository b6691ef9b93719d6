package data

import (
	"context"
	"strings"
	"testing"
)

// surnameMerge is a small stand-in for the extractor's MergeSpeakers: a
// one-word name goes to the unique longer name ending with it.
func surnameMerge(names []string, _ []int) map[string]string {
	out := map[string]string{}
	for _, n := range names {
		out[n] = n
		if strings.Contains(n, " ") {
			continue
		}
		var full []string
		for _, m := range names {
			if strings.HasSuffix(m, " "+n) {
				full = append(full, m)
			}
		}
		if len(full) == 1 {
			out[n] = full[0]
		}
	}
	return out
}

func quotesStore(t *testing.T) *Store {
	t.Helper()
	ctx := context.Background()
	s := openTemp(t)
	a, b, c := article(1), article(2), article(3)
	a.Quotes = []Quote{
		{Text: "one", Kind: Direct, Speaker: "Jeffrey Feltman", Role: "UN envoy", Source: "Mr Feltman", CueSpan: NoSpan, SourceSpan: NoSpan},
		{Text: "two", Kind: Indirect, Speaker: "Moaz Alkhatib", Source: "he", CueSpan: NoSpan, SourceSpan: NoSpan},
	}
	b.Quotes = []Quote{
		{Text: "three", Kind: Direct, Speaker: "Feltman", CueSpan: NoSpan, SourceSpan: NoSpan},
		{Text: "four", Kind: Mixed, Speaker: "Anna Keller", CueSpan: NoSpan, SourceSpan: NoSpan},
		{Text: "five", Kind: Direct, Speaker: "José Ibáñez", CueSpan: NoSpan, SourceSpan: NoSpan},
	}
	c.Quotes = []Quote{
		{Text: "six", Kind: Direct, Speaker: "Marc Keller", CueSpan: NoSpan, SourceSpan: NoSpan},
		{Text: "seven", Kind: Direct, Speaker: "Keller", CueSpan: NoSpan, SourceSpan: NoSpan},
	}
	if _, err := s.Insert(ctx, []Article{a, b, c}); err != nil {
		t.Fatal(err)
	}
	if err := s.RefreshSpeakers(ctx, surnameMerge); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSpeakersMergeAcrossArticles(t *testing.T) {
	ctx := context.Background()
	s := quotesStore(t)
	list, err := s.Speakers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]Speaker{}
	for _, sp := range list {
		byName[sp.Name] = sp
	}
	f := byName["Jeffrey Feltman"]
	if f.Quotes != 2 || f.Articles != 2 {
		t.Fatalf("Feltman = %+v, want 2 quotes in 2 articles", f)
	}
	if strings.Join(f.Aliases, ",") != "Feltman,Mr Feltman" || strings.Join(f.Roles, ",") != "UN envoy" {
		t.Fatalf("Feltman aliases %v roles %v", f.Aliases, f.Roles)
	}
	if _, ok := byName["Keller"]; !ok {
		t.Fatalf("ambiguous Keller was merged: %v", list)
	}
	if _, ok := byName["Feltman"]; ok {
		t.Fatal("Feltman stayed apart from Jeffrey Feltman")
	}
	// A refresh with nothing new does nothing.
	var gen int
	generation := func() int {
		s.db.QueryRow("SELECT value FROM counters WHERE name = 'speakers_generation'").Scan(&gen)
		return gen
	}
	before := generation()
	if err := s.RefreshSpeakers(ctx, func([]string, []int) map[string]string { t.Fatal("merged with nothing new"); return nil }); err != nil {
		t.Fatal(err)
	}
	if generation() != before {
		t.Fatal("a refresh with nothing new bumped the speakers generation")
	}
	// A refresh after new quotes keeps ids stable and counts the new ones.
	d := article(4)
	d.Quotes = []Quote{{Text: "eight", Kind: Direct, Speaker: "Feltman", CueSpan: NoSpan, SourceSpan: NoSpan},
		{Text: "nine", Kind: Direct, Speaker: "Feltman", CueSpan: NoSpan, SourceSpan: NoSpan}}
	if _, err := s.Insert(ctx, []Article{d}); err != nil {
		t.Fatal(err)
	}
	if err := s.RefreshSpeakers(ctx, surnameMerge); err != nil {
		t.Fatal(err)
	}
	again, _ := s.Speakers(ctx)
	for _, sp := range again {
		if sp.Name == f.Name && (sp.ID != f.ID || sp.Quotes != 4 || sp.Articles != 3) {
			t.Fatalf("after a refresh Feltman is %+v; want id %d, 4 quotes in 3 articles", sp, f.ID)
		}
	}
}

func TestSearchSpeakersForgives(t *testing.T) {
	ctx := context.Background()
	s := quotesStore(t)
	for _, tc := range []struct{ query, want string }{
		{"feltman", "Jeffrey Feltman"},
		{"Feltmann", "Jeffrey Feltman"},
		{"jeffrey", "Jeffrey Feltman"},
		{"JEFF", "Jeffrey Feltman"},
		{"Mr Feltman", "Jeffrey Feltman"},
		{"ibanez", "José Ibáñez"},
		{"jose ibanez", "José Ibáñez"},
		{"alkatib", "Moaz Alkhatib"},
	} {
		got, err := s.SearchSpeakers(ctx, tc.query, 5)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) == 0 || got[0].Name != tc.want {
			t.Errorf("SearchSpeakers(%q) = %v, want %s first", tc.query, got, tc.want)
		}
	}
	got, _ := s.SearchSpeakers(ctx, "keller", 5)
	if len(got) != 3 {
		t.Fatalf("keller matches %v, want Anna, Marc and the ambiguous Keller", got)
	}
	if got, _ := s.SearchSpeakers(ctx, "zzz", 5); len(got) != 0 {
		t.Fatalf("nonsense query matched %v", got)
	}
}

func TestQuotesBySpeakerAndKind(t *testing.T) {
	ctx := context.Background()
	s := quotesStore(t)
	m, _ := s.SearchSpeakers(ctx, "feltman", 1)
	items, err := s.Quotes(ctx, QuoteQuery{SpeakerIDs: []int64{m[0].ID}})
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 2 || items[0].Text != "three" || items[1].Text != "one" {
		t.Fatalf("Feltman quotes (newest first) = %+v", items)
	}
	if items[0].SpeakerID != m[0].ID || items[0].ArticleTitle != "Article 2" {
		t.Fatalf("quote row = %+v", items[0])
	}
	mixed, _ := s.Quotes(ctx, QuoteQuery{Kind: Mixed})
	if len(mixed) != 1 || mixed[0].Text != "four" {
		t.Fatalf("mixed quotes = %+v", mixed)
	}
	page1, _ := s.Quotes(ctx, QuoteQuery{Limit: 4})
	page2, _ := s.Quotes(ctx, QuoteQuery{Limit: 4, After: page1[3].Cursor})
	if len(page1) != 4 || len(page2) != 3 {
		t.Fatalf("quote pages %d + %d, want 4 + 3", len(page1), len(page2))
	}
}

func TestFoldName(t *testing.T) {
	for in, want := range map[string]string{
		"Mr Alkhatib":        "alkhatib",
		"José IBÁÑEZ":        "jose ibanez",
		"Sen. Ted  Cruz":     "ted cruz",
		"the United Nations": "united nations",
		"O'Brien":            "o'brien",
		"the President":      "the president",
		"":                   "",
	} {
		if got := FoldName(in); got != want {
			t.Errorf("FoldName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestQuotesOfAnArticleListInTextOrder(t *testing.T) {
	ctx := context.Background()
	s := quotesStore(t)
	items, err := s.Quotes(ctx, QuoteQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, it := range items {
		texts = append(texts, it.Text)
	}
	// Newest article first; within an article, the order of the text.
	if got := strings.Join(texts, " "); got != "six seven three four five one two" {
		t.Fatalf("quotes listed as %q", got)
	}
}

// TestRefreshLeavesForeignKeysOn: the refresh defers foreign-key checks
// to its commit; the next transaction on the write connection checks
// them again at once, and the store verifies.
func TestRefreshLeavesForeignKeysOn(t *testing.T) {
	ctx := context.Background()
	s := quotesStore(t)
	if err := s.Verify(ctx); err != nil {
		t.Fatal(err)
	}
	err := s.writeTx(ctx, func(w *writeConn) error {
		_, err := w.conn.ExecContext(ctx, "INSERT INTO speaker_names(name, speaker_id) VALUES ('Nobody', 999999)")
		return err
	})
	if err == nil || !strings.Contains(err.Error(), "FOREIGN KEY") {
		t.Errorf("a speaker name for no speaker after a refresh: %v, want a foreign key error", err)
	}
}

// RefreshSpeakers hands the merge each name with the number of articles
// it is in, which MergeSpeakers weighs names by.
func TestRefreshHandsArticleCounts(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	quote := func(speaker string) Quote {
		return Quote{Text: "a", Kind: Direct, Content: Span{0, 1}, CueSpan: NoSpan, SourceSpan: NoSpan, Speaker: speaker}
	}
	a1, a2 := article(1), article(2)
	a1.Quotes = []Quote{quote("Ann Lee"), quote("Bo Chan")}
	a2.Quotes = []Quote{quote("Ann Lee")}
	if _, err := s.Insert(ctx, []Article{a1, a2}); err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	err := s.RefreshSpeakers(ctx, func(names []string, articles []int) map[string]string {
		for i, n := range names {
			got[n] = articles[i]
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got["Ann Lee"] != 2 || got["Bo Chan"] != 1 || len(got) != 2 {
		t.Errorf("the merge was handed %v, want Ann Lee in 2 articles, Bo Chan in 1", got)
	}
}
