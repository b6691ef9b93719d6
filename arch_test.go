package main

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestDependenciesFlowOneWay checks the architecture README.md describes:
// data imports nothing of ours but its own packages; feed imports data
// and feed, never ui; the quote extractor does no I/O.
func TestDependenciesFlowOneWay(t *testing.T) {
	rules := []struct {
		dir     string
		allowed []string // prefixes of byline's packages it may import
		banned  []string // standard packages it may not import
	}{
		{"data", []string{"byline/data"}, nil},
		{"feed", []string{"byline/data", "byline/feed"}, nil},
		{"feed/quote", []string{"byline/data"}, []string{"os", "io", "io/fs", "net", "net/http", "database/sql", "path/filepath"}},
	}
	for _, r := range rules {
		err := filepath.WalkDir(r.dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
			if err != nil {
				return err
			}
			for _, spec := range f.Imports {
				imp, _ := strconv.Unquote(spec.Path.Value)
				if strings.HasPrefix(imp, "byline") && !hasAnyPrefix(imp, r.allowed) {
					t.Errorf("%s imports %s: %s may import only %v of byline's packages", path, imp, r.dir, r.allowed)
				}
				for _, b := range r.banned {
					if imp == b {
						t.Errorf("%s imports %s: %s does no I/O", path, imp, r.dir)
					}
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if s == p || strings.HasPrefix(s, p+"/") {
			return true
		}
	}
	return false
}
