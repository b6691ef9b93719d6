package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"byline/data"
	"byline/ui/common"
)

// benchSizes are the store sizes benchmarked; a million articles is opt-in
// (BYLINE_BENCH_BIG=1): the first run builds the store, which takes minutes,
// and caches it under os.TempDir() for the next runs.
func benchSizes() []int {
	if os.Getenv("BYLINE_BENCH_BIG") != "" {
		return []int{1_000, 1_000_000}
	}
	return []int{1_000}
}

func sizeName(n int) string {
	if n >= 1_000_000 {
		return fmt.Sprintf("%dM", n/1_000_000)
	}
	return fmt.Sprintf("%dk", n/1_000)
}

// benchStore opens the cached store of n generated articles, building it
// first if needed (into a temporary file renamed when complete, so an
// interrupted build is never reused).
func benchStore(b *testing.B, n int) *data.Store {
	b.Helper()
	// The name carries the schema version, so a store built by older code
	// (another layout or page size) is never reused.
	path := filepath.Join(os.TempDir(), fmt.Sprintf("byline-bench-v%d-%d.db", data.SchemaVersion(), n))
	if _, err := os.Stat(path); err != nil {
		tmp := path + ".building"
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(tmp + suffix)
		}
		s, err := data.Open(tmp)
		if err != nil {
			b.Fatal(err)
		}
		b.Logf("building a store of %d articles in %s", n, path)
		fillStore(b, s, 0, n)
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		if err := os.Rename(tmp, path); err != nil {
			b.Fatal(err)
		}
	}
	s, err := data.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	c, err := s.Counts(context.Background())
	if err != nil || c.Articles != n {
		b.Fatalf("bench store %s holds %d articles (%v): delete it", path, c.Articles, err)
	}
	return s
}

// newBenchDriver is newDriver without the window size.
func newBenchDriver(b *testing.B, s *data.Store) *driver {
	d := &driver{tb: b}
	c := common.Common{Store: s, Renderer: nil, NoColor: true}
	c.After = func(time.Duration, tea.Msg) tea.Cmd { return nil } // later than the frame timed
	d.m = newTestModel(c)
	return d
}

// BenchmarkFirstFrame times New, the first WindowSizeMsg and the initial
// commands until the list shows its first row.
func BenchmarkFirstFrame(b *testing.B) {
	for _, n := range benchSizes() {
		b.Run(sizeName(n), func(b *testing.B) {
			s := benchStore(b, n)
			want := fmt.Sprintf("Article %04d", n-1)
			b.ResetTimer()
			for range b.N {
				d := newBenchDriver(b, s)
				d.run(d.m.Init())
				d.send(tea.WindowSizeMsg{Width: 160, Height: 45})
				if !strings.Contains(d.view(), want) {
					b.Fatalf("first frame lacks %s:\n%s", want, d.view())
				}
			}
			b.StopTimer()
			reportPeakRSS(b)
		})
	}
}

// BenchmarkKeyToFrame times one key press and the frame after it, with any
// page query it sets off run synchronously: j down the list (turning back
// at the ends), and j down a long article (back to the top at its end).
func BenchmarkKeyToFrame(b *testing.B) {
	for _, n := range benchSizes() {
		b.Run("list/"+sizeName(n), func(b *testing.B) {
			d := newDriver(b, benchStore(b, n), 160, 45)
			keys := [2]tea.KeyMsg{keyMsg("j"), keyMsg("k")}
			b.ResetTimer()
			for i := range b.N {
				d.send(keys[i/(n-1)%2])
				_ = d.view()
			}
		})
	}
	b.Run("article", func(b *testing.B) {
		d := newDriver(b, newStore(b, fixtureArticles(b)), 160, 45)
		d.keys("G", "k", "enter")
		d.contains("# Long report")
		b.ResetTimer()
		for i := range b.N {
			if i%60 == 59 {
				d.send(keyMsg("g"))
			} else {
				d.send(keyMsg("j"))
			}
			_ = d.view()
		}
	})
}

// BenchmarkSpeakerSearch times one typed letter in the speaker search and
// the frame after it; its SearchSpeakers query waits for a pause in the
// typing (debounced), which a benchmark leaves out.
func BenchmarkSpeakerSearch(b *testing.B) {
	for _, n := range benchSizes() {
		b.Run(sizeName(n), func(b *testing.B) {
			d := newDriver(b, benchStore(b, n), 160, 45)
			d.keys("3", "/")
			const name = "jefrey feltman"
			b.ResetTimer()
			for i := range b.N {
				j := i % (len(name) + 1)
				if j == len(name) {
					b.StopTimer()
					d.keys("esc", "/")
					b.StartTimer()
					continue
				}
				d.send(keyMsg(name[j : j+1]))
				_ = d.view()
			}
			b.StopTimer()
			d.keys("esc", "/")
			d.typeText("feltman")
			d.keys("enter") // searches without the pause, opens their newest quote
			d.contains("Jeffrey Feltman")
		})
	}
}

// BenchmarkOpenArticle times opening a long article (31 paragraphs) until
// its rendering shows: first (load, then render with Glamour) and again
// (load, rendering from the cache).
func BenchmarkOpenArticle(b *testing.B) {
	const copies = 64 // more than the article pane caches
	long := fixtureArticles(b)[3]
	arts := make([]data.Article, copies)
	for i := range arts {
		arts[i] = long
		arts[i].Key = fmt.Sprintf("long-%d", i)
		arts[i].Read = true
	}
	s := newStore(b, arts)
	b.Run("first", func(b *testing.B) {
		d := newDriver(b, s, 160, 45)
		b.ResetTimer()
		for i := range b.N {
			// Cycling through more articles than the cache holds, it never hits.
			d.send(common.OpenArticleMsg{ID: int64(i%copies + 1)})
			_ = d.view()
		}
	})
	b.Run("again", func(b *testing.B) {
		d := newDriver(b, s, 160, 45)
		d.send(common.OpenArticleMsg{ID: 1})
		b.ResetTimer()
		for range b.N {
			d.send(common.OpenArticleMsg{ID: 1})
			_ = d.view()
		}
	})
}
