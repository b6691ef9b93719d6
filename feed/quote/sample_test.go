package quote

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"testing"
)

// TestDumpSample prints the attributions of the built-in sample articles
// (../sample/articles.jsonl) when QUOTE_SAMPLE is set.
func TestDumpSample(t *testing.T) {
	if os.Getenv("QUOTE_SAMPLE") == "" {
		t.Skip("set QUOTE_SAMPLE=1 to print the sample's attributions")
	}
	f, err := os.Open("../sample/articles.jsonl")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		var a struct{ ID, Title, Body string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		fmt.Printf("## %s %s\n", a.ID, a.Title)
		for _, q := range Extract(a.Title + "\n\n" + a.Body) {
			fmt.Printf("%-8s cue=%q src=%q spk=%q role=%q\n    %q\n", q.Kind, q.Cue, q.Source, q.Speaker, q.Role, q.Text)
		}
	}
}
