package feed

import (
	"context"
	"path/filepath"
	"testing"

	"byline/data"
)

// BenchmarkStoreBBC times the store alone (no reading, parsing or quotes):
// the BBC corpus, parsed beforehand, inserted into a fresh store in batches
// of 512 and checkpointed.
func BenchmarkStoreBBC(b *testing.B) {
	dir := sharedCorpusDir(b, "bbc")
	var files []string
	Files([]string{dir}, func(p string, err error) error { files = append(files, p); return nil })
	var arts []data.Article
	for _, f := range files {
		a, _ := ReadFile(f)
		arts = append(arts, a...)
	}
	b.SetBytes(int64(totalBytes(arts)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, _ := data.Open(filepath.Join(b.TempDir(), "x.db"))
		b.StartTimer()
		for j := 0; j < len(arts); j += 512 {
			if _, err := s.Insert(context.Background(), arts[j:min(j+512, len(arts))]); err != nil {
				b.Fatal(err)
			}
		}
		s.Checkpoint(context.Background())
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

func totalBytes(arts []data.Article) int {
	n := 0
	for _, a := range arts {
		n += len(a.Body)
	}
	return n
}
