package data

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
)

// BenchmarkRefreshSpeakers: the speakers refresh after a first import of
// 2,000 articles with 14,000 quotes by about 9,000 names (no merging).
func BenchmarkRefreshSpeakers(b *testing.B) {
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, err := Open(filepath.Join(b.TempDir(), "x.db"))
		if err != nil {
			b.Fatal(err)
		}
		var arts []Article
		for j := 0; j < 2000; j++ {
			a := article(j + 1)
			a.Body = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
			for k := 0; k < 7; k++ {
				a.Quotes = append(a.Quotes, Quote{Text: "x", Kind: Direct, Content: Span{k, k + 1}, CueSpan: NoSpan, SourceSpan: NoSpan,
					Speaker: fmt.Sprintf("Person %d Name%d", (j*7+k)*7919%9000, k)})
			}
			arts = append(arts, a)
		}
		for j := 0; j < len(arts); j += 500 {
			if _, err := s.Insert(ctx, arts[j:j+500]); err != nil {
				b.Fatal(err)
			}
		}
		b.StartTimer()
		if err := s.RefreshSpeakers(ctx, func(n []string, _ []int) map[string]string { return nil }); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}
