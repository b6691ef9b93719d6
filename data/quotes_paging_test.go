package data

import (
	"cmp"
	"context"
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestQuotesBeforeAndLast(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	var arts []Article
	for i := range 10 {
		a := article(i)
		a.Quotes = []Quote{{Text: fmt.Sprint(i), Content: Span{0, 4}, Kind: Direct, CueSpan: NoSpan, SourceSpan: NoSpan, Speaker: "Ann Lee"}}
		arts = append(arts, a)
	}
	if _, err := s.Insert(ctx, arts); err != nil {
		t.Fatal(err)
	}
	texts := func(items []QuoteItem) string {
		out := ""
		for _, it := range items {
			out += it.Text
		}
		return out
	}
	all, err := s.Quotes(ctx, QuoteQuery{Limit: 10})
	if err != nil || texts(all) != "9876543210" {
		t.Fatalf("Quotes = %q, %v", texts(all), err)
	}
	last, err := s.Quotes(ctx, QuoteQuery{Last: true, Limit: 3})
	if err != nil || texts(last) != "210" {
		t.Fatalf("last page = %q, %v", texts(last), err)
	}
	before, err := s.Quotes(ctx, QuoteQuery{Before: last[0].Cursor, Limit: 3})
	if err != nil || texts(before) != "543" {
		t.Fatalf("page before = %q, %v", texts(before), err)
	}
	top, err := s.Quotes(ctx, QuoteQuery{Before: all[1].Cursor, Limit: 3})
	if err != nil || texts(top) != "9" {
		t.Fatalf("page before the second = %q, %v", texts(top), err)
	}
	if err := s.RefreshSpeakers(ctx, func([]string, []int) map[string]string { return nil }); err != nil {
		t.Fatal(err)
	}
	m, err := s.SearchSpeakers(ctx, "ann", 1)
	if err != nil || len(m) != 1 {
		t.Fatalf("SearchSpeakers = %v, %v", m, err)
	}
	only, err := s.Quotes(ctx, QuoteQuery{SpeakerIDs: []int64{m[0].ID}, Last: true, Limit: 2})
	if err != nil || texts(only) != "10" {
		t.Fatalf("last page by speaker = %q, %v", texts(only), err)
	}
}

// A speaker known by several names is paged as one list: every page, both
// ways, is the right slice of all their quotes newest first.
func TestQuotesOfASpeakerWithSeveralNamesPage(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	var arts []Article
	for i := range 9 {
		a := article(i)
		name := []string{"Ann Lee", "Lee", "Mrs Lee"}[i%3] // merged into Ann Lee
		a.Quotes = []Quote{{Text: fmt.Sprint(i), Kind: Direct, CueSpan: NoSpan, SourceSpan: NoSpan, Speaker: name}}
		arts = append(arts, a)
	}
	if _, err := s.Insert(ctx, arts); err != nil {
		t.Fatal(err)
	}
	merge := func(names []string, _ []int) map[string]string {
		m := map[string]string{}
		for _, n := range names {
			m[n] = "Ann Lee"
		}
		return m
	}
	if err := s.RefreshSpeakers(ctx, merge); err != nil {
		t.Fatal(err)
	}
	m, _ := s.SearchSpeakers(ctx, "ann lee", 1)
	who := []int64{m[0].ID}
	first, _ := s.Quotes(ctx, QuoteQuery{SpeakerIDs: who, Limit: 4})
	next, _ := s.Quotes(ctx, QuoteQuery{SpeakerIDs: who, After: first[3].Cursor, Limit: 4})
	last, _ := s.Quotes(ctx, QuoteQuery{SpeakerIDs: who, Last: true, Limit: 4})
	before, _ := s.Quotes(ctx, QuoteQuery{SpeakerIDs: who, Before: last[0].Cursor, Limit: 4})
	for _, tc := range []struct {
		name string
		got  []QuoteItem
		want string
	}{
		{"first page", first, "8 7 6 5"},
		{"page after", next, "4 3 2 1"},
		{"last page", last, "3 2 1 0"},
		{"page before the last", before, "7 6 5 4"},
	} {
		var got []string
		for _, it := range tc.got {
			got = append(got, it.Text)
		}
		if got := strings.Join(got, " "); got != tc.want {
			t.Errorf("%s = %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestQuotePagesReadOnlyAPage: every way of paging quotes reads down an
// index (of the articles with quotes, or a speaker's) and sorts nothing, so
// a page costs the same in any store.
func TestQuotePagesReadOnlyAPage(t *testing.T) {
	for _, analyzed := range []bool{false, true} {
		t.Run(map[bool]string{false: "fresh", true: "analyzed"}[analyzed], func(t *testing.T) {
			quotePagePlans(t, analyzed)
		})
	}
}

// quotePagePlans checks the quote page plans, on an empty store or on one
// whose statistics ANALYZE has gathered (a user may run it, or PRAGMA
// optimize), which must not turn a page into a scan of every pack.
func quotePagePlans(t *testing.T, analyzed bool) {
	s := openTemp(t)
	if analyzed {
		ctx := context.Background()
		var batch []Article
		for i := range 2000 {
			a := article(i)
			if i%20 == 0 {
				a.Quotes = []Quote{{Text: "B", Kind: Direct, Content: Span{0, 4}, CueSpan: NoSpan, SourceSpan: NoSpan,
					Speaker: fmt.Sprintf("Ann Lee %d", i%7)}}
			}
			batch = append(batch, a)
		}
		if _, err := s.Insert(ctx, batch); err != nil {
			t.Fatal(err)
		}
		if _, err := s.db.Exec("ANALYZE"); err != nil {
			t.Fatal(err)
		}
	}
	older := quoteBound{set: true, sortTime: 100, id: 7}
	newer := quoteBound{set: true, sortTime: 100, id: 7, ascending: true}
	for _, tc := range []struct {
		name  string
		bound quoteBound
		who   string
	}{
		{"first page", quoteBound{}, ""},
		{"older page", older, ""},
		{"newer page", newer, ""},
		{"last page", quoteBound{ascending: true}, ""},
		{"a speaker", quoteBound{}, "Ann Lee"},
		{"a speaker, older page", older, "Ann Lee"},
		{"a speaker, newer page", newer, "Ann Lee"},
	} {
		query, args := quoteArticlesQuery(tc.who, tc.bound, 50)
		plan := queryPlan(t, s, query, args...)
		p := strings.Join(plan, "; ")
		scansTable := false
		for _, step := range plan {
			scansTable = scansTable || strings.HasPrefix(step, "SCAN") && !strings.Contains(step, "USING INDEX")
		}
		if strings.Contains(p, "TEMP B-TREE") || strings.Contains(p, "AUTOMATIC") || scansTable {
			t.Errorf("%s: the plan scans or sorts: %s", tc.name, p)
		}
		// All speakers' quotes: down the articles that have quotes, not
		// past every article without (articles_order).
		if tc.who == "" && !strings.Contains(plan[0], "INDEX articles_quoted") {
			t.Errorf("%s: the plan does not read down articles_quoted: %s", tc.name, p)
		}
	}
}

// TestQuotePagesWalkEveryQuoteOnce pages through random stores (many
// articles at the same time, articles with no quotes, several batches)
// forwards with After and backwards from Last with Before, with and without
// a kind and a speaker, at several page sizes: every walk must give each
// quote once, in the order worked out here from the articles inserted.
// (After a review's randomised test.)
func TestQuotePagesWalkEveryQuoteOnce(t *testing.T) {
	ctx := context.Background()
	for seed := int64(0); seed < 4; seed++ {
		r := rand.New(rand.NewSource(seed))
		s := openTemp(t)
		names := []string{"Ann Lee", "Bo Diaz", ""}
		kinds := []QuoteKind{Direct, Mixed, Indirect}
		var stored, batch []Article
		for i := range 40 {
			a := article(i)
			a.Published = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(r.Intn(5)) * time.Hour)
			for j := range r.Intn(5) {
				a.Quotes = append(a.Quotes, Quote{Text: fmt.Sprintf("%d.%d", i, j), Content: Span{j, j + 1},
					Kind: kinds[r.Intn(3)], CueSpan: NoSpan, SourceSpan: NoSpan, Speaker: names[r.Intn(3)]})
			}
			batch = append(batch, a)
			if r.Intn(4) == 0 || i == 39 {
				if _, err := s.Insert(ctx, batch); err != nil {
					t.Fatal(err)
				}
				stored, batch = append(stored, batch...), nil
			}
		}
		if err := s.RefreshSpeakers(ctx, func([]string, []int) map[string]string { return nil }); err != nil {
			t.Fatal(err)
		}
		ann, err := s.SearchSpeakers(ctx, "Ann Lee", 1)
		if err != nil || len(ann) != 1 {
			t.Fatalf("speaker Ann Lee: %v, %v", ann, err)
		}
		// Newest article first (ties: the later stored), each article's
		// quotes in text order.
		slices.SortFunc(stored, func(a, b Article) int {
			return cmp.Or(b.Published.Compare(a.Published), cmp.Compare(b.ID, a.ID))
		})
		for _, kind := range []QuoteKind{"", Mixed} {
			for _, who := range []string{"", "Ann Lee"} {
				var want []string
				for _, a := range stored {
					for _, q := range a.Quotes {
						if (kind == "" || q.Kind == kind) && (who == "" || q.Speaker == who) {
							want = append(want, q.Text)
						}
					}
				}
				for _, limit := range []int{2, 5, 100} {
					qq := QuoteQuery{Kind: kind, Limit: limit}
					if who != "" {
						qq.SpeakerIDs = []int64{ann[0].ID}
					}
					var forward, backward []string
					for q, n := qq, 0; n < 500; n++ {
						page, err := s.Quotes(ctx, q)
						if err != nil {
							t.Fatal(err)
						}
						if len(page) == 0 {
							break
						}
						for _, it := range page {
							forward = append(forward, it.Text)
						}
						q.After = page[len(page)-1].Cursor
					}
					for q, n := (QuoteQuery{Kind: kind, Limit: limit, SpeakerIDs: qq.SpeakerIDs, Last: true}), 0; n < 500; n++ {
						page, err := s.Quotes(ctx, q)
						if err != nil {
							t.Fatal(err)
						}
						if len(page) == 0 {
							break
						}
						var texts []string
						for _, it := range page {
							texts = append(texts, it.Text)
						}
						backward = append(texts, backward...)
						q.Last, q.Before = false, page[0].Cursor
					}
					for dir, got := range map[string][]string{"forwards": forward, "backwards": backward} {
						if !slices.Equal(got, want) {
							t.Fatalf("seed %d, kind %q, speaker %q, pages of %d, %s:\n got %v\nwant %v", seed, kind, who, limit, dir, got, want)
						}
					}
				}
			}
		}
	}
}
