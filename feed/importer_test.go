package feed

import (
	"context"
	"os"
	"path/filepath"
	"testing"

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
// decoding, paragraphs, quote extraction, FTS indexing and speakers.
func BenchmarkImportBBC(b *testing.B) {
	dir := sharedCorpusDir(b, "bbc")
	ctx := context.Background()
	var articles int
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, err := data.Open(filepath.Join(b.TempDir(), "byline.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		im := &Importer{Store: s}
		stats, err := im.ImportPaths(ctx, []string{dir})
		if err != nil {
			b.Fatal(err)
		}
		articles = stats.New
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(articles)*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

func dirExists(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}
