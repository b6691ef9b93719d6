package quote

import (
	"fmt"
	"os"
	"testing"
)

func TestDumpFile(t *testing.T) {
	p := os.Getenv("QUOTE_DUMP")
	if p == "" {
		t.Skip("set QUOTE_DUMP to a file to print its attributions")
	}
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range Extract(string(b)) {
		fmt.Printf("%-8s cue=%q src=%q spk=%q role=%q\n    %q\n", q.Kind, q.Cue, q.Source, q.Speaker, q.Role, q.Text)
	}
}

func TestDumpText(t *testing.T) {
	s := os.Getenv("QUOTE_TEXT")
	if s == "" {
		t.Skip("set QUOTE_TEXT to a text to print its attributions")
	}
	for _, q := range Extract(s) {
		fmt.Printf("%-8s cue=%q src=%q spk=%q role=%q\n    %q\n", q.Kind, q.Cue, q.Source, q.Speaker, q.Role, q.Text)
	}
}
