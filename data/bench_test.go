package data

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// benchStore returns a store of n synthetic articles (two quotes each),
// built once and kept under the temp folder, since a million takes minutes.
// The million-article case runs only with BYLINE_BENCH_BIG=1.
func benchStore(b *testing.B, n int) string {
	b.Helper()
	if n >= 1_000_000 && os.Getenv("BYLINE_BENCH_BIG") == "" {
		b.Skip("set BYLINE_BENCH_BIG=1 for the million-article store")
	}
	// The name carries the schema version and page size, so a store built
	// by older code (another layout, 4 KiB pages) is never reused.
	path := filepath.Join(os.TempDir(), fmt.Sprintf("byline-bench-data-v%d-p%dk-%d.db", SchemaVersion(), pageSize/1024, n))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	b.Logf("building %s (%d articles)...", path, n)
	tmp := path + ".building"
	os.Remove(tmp)
	s, err := Open(tmp)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	base := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	const batch = 2000
	for start := 0; start < n; start += batch {
		arts := make([]Article, 0, batch)
		for i := start; i < min(start+batch, n); i++ {
			body := fmt.Sprintf("Minister %d said the plan would cost %d million. \"We will deliver it,\" she said.\n\nCritics in district %d disagreed.", i%9973, i%500, i%311)
			arts = append(arts, Article{
				Key: fmt.Sprintf("id:bench-%d", i), Title: fmt.Sprintf("Synthetic article %d on budget %d", i, i%97),
				Source: "bench", Body: body, Raw: []byte(body), Published: base.Add(time.Duration(i) * time.Minute),
				Quotes: []Quote{
					{Text: "the plan would cost", Content: Span{20, 40}, Kind: Indirect, Speaker: fmt.Sprintf("Speaker %d", i%20011), CueSpan: NoSpan, SourceSpan: NoSpan},
					{Text: "We will deliver it,", Content: Span{60, 80}, Kind: Direct, Speaker: fmt.Sprintf("Speaker %d", i%20011), CueSpan: NoSpan, SourceSpan: NoSpan},
				},
			})
		}
		if _, err := s.Insert(ctx, arts); err != nil {
			b.Fatal(err)
		}
	}
	if err := s.RefreshSpeakers(ctx, func(names []string, _ []int) map[string]string { return nil }); err != nil {
		b.Fatal(err)
	}
	s.Checkpoint(ctx)
	s.Close()
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkOpenAndFirstPage: opening the store and reading the first page
// of the list, as the reader does before its first frame.
func BenchmarkOpenAndFirstPage(b *testing.B) {
	for _, n := range []int{1_000, 1_000_000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			path := benchStore(b, n)
			ctx := context.Background()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				s, err := Open(path)
				if err != nil {
					b.Fatal(err)
				}
				page, err := s.List(ctx, ListQuery{Limit: 100})
				if err != nil || len(page) != 100 {
					b.Fatal(err, len(page))
				}
				if _, err := s.Counts(ctx); err != nil {
					b.Fatal(err)
				}
				s.Close()
			}
		})
	}
}

// onStores runs bench once per store size on an open store of that size.
func onStores(b *testing.B, bench func(b *testing.B, s *Store)) {
	for _, n := range []int{1_000, 1_000_000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			s, err := Open(benchStore(b, n))
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			bench(b, s)
		})
	}
}

// BenchmarkListDeepPage: a page far down the list costs what the first does.
func BenchmarkListDeepPage(b *testing.B) {
	onStores(b, func(b *testing.B, s *Store) {
		ctx := context.Background()
		last, err := s.List(ctx, ListQuery{Last: true, Limit: 200})
		if err != nil {
			b.Fatal(err)
		}
		after := last[0].Cursor // near the end of the list
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if _, err := s.List(ctx, ListQuery{After: after, Limit: 100}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkSearchSpeakers: speaker search as you type, index warm.
func BenchmarkSearchSpeakers(b *testing.B) {
	onStores(b, func(b *testing.B, s *Store) {
		ctx := context.Background()
		if _, err := s.SearchSpeakers(ctx, "x", 10); err != nil {
			b.Fatal(err)
		}
		queries := []string{"s", "sp", "spe", "speaker 1", "speaker 12", "speakr 123"}
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if _, err := s.SearchSpeakers(ctx, queries[i%len(queries)], 20); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkSearch: full-text search, ranked, with snippets.
func BenchmarkSearch(b *testing.B) {
	onStores(b, func(b *testing.B, s *Store) {
		ctx := context.Background()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if _, err := s.Search(ctx, "district 17", 50); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkQuotePage: a page of quotes (all of them, one kind, one
// speaker's, far down the list) costs the same in any store.
func BenchmarkQuotePage(b *testing.B) {
	onStores(b, func(b *testing.B, s *Store) {
		ctx := context.Background()
		last, err := s.Quotes(ctx, QuoteQuery{Last: true, Limit: 200})
		if err != nil || len(last) == 0 {
			b.Fatal(err)
		}
		sp, err := s.SearchSpeakers(ctx, "Speaker 7", 1)
		if err != nil || len(sp) == 0 {
			b.Fatal(err)
		}
		for _, tc := range []struct {
			name string
			qq   QuoteQuery
		}{
			{"first", QuoteQuery{Limit: 100}},
			{"deep", QuoteQuery{After: last[0].Cursor, Limit: 100}},
			{"kind", QuoteQuery{Kind: Direct, Limit: 100}},
			{"speaker", QuoteQuery{SpeakerIDs: []int64{sp[0].ID}, Limit: 100}},
		} {
			b.Run(tc.name, func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					if _, err := s.Quotes(ctx, tc.qq); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	})
}
