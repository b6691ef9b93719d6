package feed

import (
	"context"
	"os"
	"path/filepath"
	"sync"
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
		s, done := benchStore(b)
		b.StartTimer()
		for j := 0; j < len(arts); j += 512 {
			if _, err := s.Insert(context.Background(), arts[j:min(j+512, len(arts))]); err != nil {
				b.Fatal(err)
			}
		}
		s.Checkpoint(context.Background())
		b.StopTimer()
		done()
		b.StartTimer()
	}
}

// benchStore opens a new store for one run of a benchmark; done closes and
// deletes it and writes every dirty page to disk (call both with the timer
// stopped). So each run starts on a machine at rest, as one import by a
// user does: the runs before would otherwise leave the kernel writing back
// their 50 MB each while the next run is timed, and runs late in a set
// came out up to a third slower than the first.
func benchStore(b *testing.B) (s *data.Store, done func()) {
	dir, err := os.MkdirTemp("", "byline-bench-import-")
	if err != nil {
		b.Fatal(err)
	}
	s, err = data.Open(filepath.Join(dir, "byline.db"))
	if err != nil {
		b.Fatal(err)
	}
	syncDisk()
	var once sync.Once
	done = func() {
		once.Do(func() {
			s.Close()
			os.RemoveAll(dir)
			syncDisk()
		})
	}
	b.Cleanup(done) // when the benchmark fails before its run ends
	return s, done
}

func totalBytes(arts []data.Article) int {
	n := 0
	for _, a := range arts {
		n += len(a.Body)
	}
	return n
}
