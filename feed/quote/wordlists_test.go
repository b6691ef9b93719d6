package quote

import (
	"fmt"
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"path/filepath"
	"strings"
	"testing"
)

// Every word list that lookup or inSet reads must feed the filter they test
// words against first, or its words would never be found.
func TestEveryLookedUpListIsInTheFilter(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := gotoken.NewFileSet()
	var parsed []*ast.File
	inSetAt := "" // the one call that passes a parameter on: inSet's own
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		parsed = append(parsed, f)
		for _, decl := range f.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok && fd.Name.Name == "inSet" && len(fd.Body.List) > 0 {
				p := fset.Position(fd.Body.List[0].Pos())
				inSetAt = fmt.Sprintf("%s:%d", p.Filename, p.Line)
			}
		}
	}
	seen := 0
	for _, f := range parsed {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			fun := call.Fun
			if ix, ok := fun.(*ast.IndexExpr); ok { // lookup[T](...)
				fun = ix.X
			}
			fn, ok := fun.(*ast.Ident)
			if !ok || fn.Name != "lookup" && fn.Name != "inSet" {
				return true
			}
			list, ok := call.Args[0].(*ast.Ident)
			if !ok {
				t.Errorf("%s: %s reads a list that is not a package variable", fset.Position(call.Pos()), fn.Name)
				return true
			}
			if p := fset.Position(call.Pos()); fmt.Sprintf("%s:%d", p.Filename, p.Line) == inSetAt {
				return true
			}
			seen++
			if _, ok := wordLists[list.Name]; !ok {
				t.Errorf("%s: %s reads %s, which is not in wordLists", fset.Position(call.Pos()), fn.Name, list.Name)
			}
			return true
		})
	}
	if seen < 50 {
		t.Fatalf("found %d look-ups: the test no longer sees them", seen)
	}
}

func TestWordFilterHoldsEveryListedWord(t *testing.T) {
	for name, words := range wordLists {
		for _, w := range words {
			if !listed.mayHold(w) || !listed.mayHold(strings.ToUpper(w)) {
				t.Errorf("%s: %q is turned away", name, w)
			}
		}
	}
	for _, w := range []string{"", "zzzzzzzzzzzzq", "Xylophonex"} {
		if listed.mayHold(w) {
			t.Errorf("%q may be listed: the filter lets everything through", w)
		}
	}
}
