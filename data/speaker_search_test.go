package data

import (
	"context"
	"math/rand"
	"strings"
	"testing"
)

// politiciansStore holds speakers sharing surnames, each with as many
// quotes as given, none merged: a surname alone ("Blair") stays a speaker
// of its own when several people bear it.
func politiciansStore(t *testing.T) *Store {
	t.Helper()
	ctx := context.Background()
	s := openTemp(t)
	var arts []Article
	for i, sp := range []struct {
		name   string
		quotes int
	}{
		{"Tony Blair", 28}, {"Blair", 14}, {"Cherie Blair", 6}, {"Cherie Blair Booth", 10}, {"Ian Blair", 3},
		{"Gordon Brown", 16}, {"Brown", 2}, {"Des Browne", 4}, {"Jeffrey Feltman", 5},
	} {
		a := article(i)
		for range sp.quotes {
			a.Quotes = append(a.Quotes, Quote{Text: "x", Kind: Direct, Content: Span{0, 4}, CueSpan: NoSpan, SourceSpan: NoSpan, Speaker: sp.name})
		}
		arts = append(arts, a)
	}
	if _, err := s.Insert(ctx, arts); err != nil {
		t.Fatal(err)
	}
	if err := s.RefreshSpeakers(ctx, func([]string, []int) map[string]string { return nil }); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestSearchSpeakersRanksASurnameByQuotes: one word is matched as well as
// it can be (a whole word, then its start, then inside one, then a typo),
// and among the speakers it matches equally well the most quoted comes
// first: "blair" is Tony Blair, whom enter opens, not the speaker called
// Blair alone. Two words or more that are a speaker's whole name put that
// speaker first.
func TestSearchSpeakersRanksASurnameByQuotes(t *testing.T) {
	ctx := context.Background()
	s := politiciansStore(t)
	for _, tc := range []struct{ query, want string }{
		{"blair", "Tony Blair, Blair, Cherie Blair Booth, Cherie Blair, Ian Blair"},
		{"BLAIR", "Tony Blair, Blair, Cherie Blair Booth, Cherie Blair, Ian Blair"},
		// the title dropped: one word
		{"Mr Blair", "Tony Blair, Blair, Cherie Blair Booth, Cherie Blair, Ian Blair"},
		// whole words before a word's start
		{"brown", "Gordon Brown, Brown, Des Browne"},
		{"brow", "Gordon Brown, Des Browne, Brown"},
		// a typo
		{"bliar", "Tony Blair, Blair, Cherie Blair Booth, Cherie Blair, Ian Blair"},
		{"tony blair", "Tony Blair"},
		// her whole name first, though quoted less
		{"cherie blair", "Cherie Blair, Cherie Blair Booth"},
		{"cherie", "Cherie Blair Booth, Cherie Blair"},
		{"ian blair", "Ian Blair"},
		{"gordon brown", "Gordon Brown"},
		{"gordon", "Gordon Brown"},
		{"feltmann", "Jeffrey Feltman"},
		{"jeff", "Jeffrey Feltman"},
	} {
		got, err := s.SearchSpeakers(ctx, tc.query, 10)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, m := range got {
			names = append(names, m.Name)
		}
		if strings.Join(names, ", ") != tc.want {
			t.Errorf("SearchSpeakers(%q) = %s, want %s", tc.query, strings.Join(names, ", "), tc.want)
		}
	}
}

// TestTyposFoundAsBefore: the letters prefilter never rules out a token
// within the typos allowed, and editDistance (rows on the stack or not)
// agrees with the distance worked out in full.
func TestTyposFoundAsBefore(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	letters := []rune("abcdeé'")
	word := func(n int) string {
		w := make([]rune, n)
		for i := range w {
			w[i] = letters[r.Intn(len(letters))]
		}
		return string(w)
	}
	for range 20000 {
		a, b := word(r.Intn(10)), word(r.Intn(10))
		if r.Intn(50) == 0 { // longer than the rows on the stack
			a, b = word(45+r.Intn(3)), word(45+r.Intn(3))
		}
		d := osaDistance(a, b)
		if lettersApart(letterSet(a), letterSet(b)) > d {
			t.Fatalf("lettersApart(%q, %q) = %d, more than their distance %d", a, b, lettersApart(letterSet(a), letterSet(b)), d)
		}
		for limit := range 4 {
			got := editDistance(a, b, limit)
			if got <= limit != (d <= limit) || got <= limit && got != d {
				t.Fatalf("editDistance(%q, %q, %d) = %d, distance %d", a, b, limit, got, d)
			}
		}
	}
}

// osaDistance is the optimal-string-alignment distance, the whole table.
func osaDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
