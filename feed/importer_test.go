package feed

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"byline/data"
)

// sharedCorpus returns ../shared/corpus/<sub> from the module, or skips.
func sharedCorpusDir(tb testing.TB, sub string) string {
	tb.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "shared", "corpus", sub))
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := filepath.Glob(dir); err != nil {
		tb.Fatal(err)
	}
	if !dirExists(dir) {
		tb.Skipf("%s is absent: the shared corpus is needed for this test", dir)
	}
	return dir
}

func newStore(tb testing.TB) *data.Store {
	tb.Helper()
	s, err := data.Open(filepath.Join(tb.TempDir(), "byline.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkImportBBC imports the BBC corpus into a fresh store: reading,
// decoding, paragraphs, FTS indexing and speakers, with and without quote
// extraction.
func BenchmarkImportBBC(b *testing.B) {
	dir := sharedCorpusDir(b, "bbc")
	ctx := context.Background()
	for _, tc := range []struct {
		name    string
		extract func(string) []data.Quote
	}{
		{"quotes=off", func(string) []data.Quote { return nil }},
		{"quotes=on", nil},
	} {
		b.Run(tc.name, func(b *testing.B) {
			var articles int
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				s, done := benchStore(b)
				b.StartTimer()
				im := &Importer{Store: s, extract: tc.extract}
				stats, err := im.ImportPaths(ctx, []string{dir})
				if err != nil {
					b.Fatal(err)
				}
				articles = stats.New
				b.StopTimer()
				done()
				b.StartTimer()
			}
			b.ReportMetric(float64(articles)*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

func dirExists(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

func TestSameTextInTwoFilesStaysTwoArticles(t *testing.T) {
	dir := t.TempDir()
	text := "Pier reopens\n\nThe pier reopened, the council said.\n"
	for _, name := range []string{"001.txt", "002.txt"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s := newStore(t)
	im := &Importer{Store: s}
	stats, err := im.ImportPaths(context.Background(), []string{dir})
	if err != nil || stats.New != 2 {
		t.Fatalf("import of two files with one text: %+v, %v; want 2 new", stats, err)
	}
	// The same file from another folder is the same article.
	other := t.TempDir()
	os.WriteFile(filepath.Join(other, "001.txt"), []byte(text), 0o644)
	stats, _ = im.ImportPaths(context.Background(), []string{other})
	if stats.New != 0 || stats.Duplicate != 1 {
		t.Fatalf("re-import from another folder: %+v, want 1 duplicate", stats)
	}
}

func TestImportBBC(t *testing.T) {
	dir := sharedCorpusDir(t, "bbc")
	s := newStore(t)
	var warnings []string
	im := &Importer{Store: s, Problem: func(p Problem) { warnings = append(warnings, p.Error()) }}
	stats, err := im.ImportPaths(context.Background(), []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if stats.New != 2225 || stats.Failed != 0 || stats.Warnings != 1 {
		t.Fatalf("BBC import: %+v, problems %v; want 2225 new, 0 failed, 1 warning", stats, warnings)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "sport/199.txt") {
		t.Fatalf("warnings %v, want one naming sport/199.txt", warnings)
	}
	hits, err := s.Search(context.Background(), "maternity pay", 5)
	if err != nil || len(hits) == 0 || hits[0].Title != "Labour plans maternity pay rise" {
		t.Fatalf("search maternity pay: %v, %v", hits, err)
	}
	stats, _ = im.ImportPaths(context.Background(), []string{dir})
	if stats.New != 0 || stats.Duplicate != 2225 {
		t.Fatalf("second BBC import: %+v, want 0 new", stats)
	}
	if err := s.Verify(context.Background()); err != nil {
		t.Fatal(err)
	}
	// Nothing lost: every article gives back its file's bytes, whether the
	// store kept them or rebuilds them from the title and text.
	for id := int64(1); id <= 2225; id++ { // a fresh store numbers them from 1
		a, err := s.Article(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		raw, err := s.Raw(context.Background(), id)
		if err != nil || string(raw) != mustRead(t, a.Origin) {
			t.Fatalf("raw bytes of %s differ from the file (%v)", a.Origin, err)
		}
	}
}

// An import whose store fails stops with the error, all its stages ended.
func TestImportStopsWhenTheStoreFails(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < 50; i++ {
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("%03d.txt", i)), []byte(fmt.Sprintf("Title %d\n\nBody %d said Mr Smith.\n", i, i)), 0o644)
	}
	s := newStore(t)
	s.Close() // every Insert fails
	im := &Importer{Store: s, BatchSize: 4}
	done := make(chan error, 1)
	go func() {
		_, err := im.ImportPaths(context.Background(), []string{dir})
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil {
			t.Fatal("import into a closed store succeeded")
		}
	case <-time.After(30 * time.Second):
		t.Fatal("import into a closed store hangs")
	}
}

// A JSON Lines file bigger than a batch is stored in several transactions,
// every article once.
func TestImportSplitsBigFilesIntoBatches(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(&b, `{"id":"a%d","title":"T%d","body":"\"We agree,\" said Ann Lee."}`+"\n", i, i)
	}
	s := newStore(t)
	var batches int
	im := &Importer{Store: s, BatchSize: 64, Progress: func(ImportProgress) { batches++ }}
	stats, err := im.ImportBytes(context.Background(), "big.jsonl", []byte(b.String()))
	if err != nil || stats.New != 1000 || stats.Files != 1 {
		t.Fatalf("stats %+v, err %v", stats, err)
	}
	if batches < 1000/64 {
		t.Fatalf("%d batches for 1000 articles of 64 a batch", batches)
	}
	c, _ := s.Counts(context.Background())
	if c.Quotes != 1000 {
		t.Fatalf("%d quotes stored, want 1000", c.Quotes)
	}
}

// TestWarningsCountTheArticlesWarnedAbout: a warning on one line of a JSON
// Lines file counts that article, not the rest of the file.
func TestWarningsCountTheArticlesWarnedAbout(t *testing.T) {
	dir := t.TempDir()
	var lines []string
	for i := 1; i <= 6; i++ {
		date := "2024-03-01"
		if i == 2 {
			date = "sometime"
		}
		lines = append(lines, fmt.Sprintf(`{"id":"%d","title":"T%d","body":"b.","published":%q}`, i, i, date))
	}
	path := filepath.Join(dir, "w.jsonl")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	im := &Importer{Store: newStore(t), BatchSize: 2}
	stats, err := im.ImportPaths(context.Background(), []string{path})
	if err != nil {
		t.Fatal(err)
	}
	if stats.New != 6 || stats.Warnings != 1 {
		t.Errorf("stats %+v, want 6 new, 1 with warnings", stats)
	}
}
