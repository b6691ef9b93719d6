package feed

import (
	"os"
	"testing"
)

// BenchmarkParseBBC parses the whole BBC corpus from memory, per iteration.
func BenchmarkParseBBC(b *testing.B) {
	root := corpusDir(b)
	var files [][]byte
	var names []string
	total := 0
	err := Files([]string{root + "/bbc"}, func(path string, err error) error {
		if err != nil {
			return err
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		files, names = append(files, raw), append(names, path)
		total += len(raw)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i, raw := range files {
			Parse(names[i], raw)
		}
	}
}

// BenchmarkRestoreParagraphs restores a long glued body.
func BenchmarkRestoreParagraphs(b *testing.B) {
	s := ""
	for range 200 {
		s += `He said the plan would work.Mr Smith, a U.S. official, disagreed."It will not," he said."Why?"Nobody knew. `
	}
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		RestoreParagraphs(s)
	}
}
