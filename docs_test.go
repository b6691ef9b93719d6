package main

// Tests that README.md and --help say what byline does.

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// eachVerb calls fn on every verb under root, subcommands too, but
// completion and help.
func eachVerb(root *cobra.Command, fn func(*cobra.Command)) {
	for _, c := range root.Commands() {
		if c.Name() == "completion" || c.Name() == "help" {
			continue
		}
		fn(c)
		eachVerb(c, fn)
	}
}

func TestHelpOnEveryVerb(t *testing.T) {
	for _, verb := range []string{"import", "list", "show", "search", "extract", "quotes", "speakers", "feeds", "fetch", "completion"} {
		out, _, code := runCLI(t, verb, "--help")
		if code != exitOK || !strings.Contains(out, "Usage:") {
			t.Errorf("%s --help: exit %d, output %q", verb, code, out)
		}
	}
	// help takes a verb's arguments with it
	if out, _, code := runCLI(t, "help", "show", "42"); code != exitOK || !strings.Contains(out, "byline show ID") {
		t.Errorf("help show 42: exit %d, output %q", code, out)
	}
	out, _, code := runCLI(t, "completion", "bash")
	if code != exitOK || !strings.Contains(out, "bash completion") {
		t.Errorf("completion bash: exit %d", code)
	}
}

// TestREADMEDocumentsEveryVerb keeps README.md and --help in step: every
// verb byline has is in the README's commands table, and every verb there
// exists.
func TestREADMEDocumentsEveryVerb(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	a := &app{stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}
	var verbs []string
	var walk func(prefix string, cmds []*cobra.Command)
	walk = func(prefix string, cmds []*cobra.Command) {
		for _, c := range cmds {
			if c.Hidden {
				continue
			}
			path := prefix + " " + c.Name()
			if c.Name() == "completion" { // one verb, SHELL its argument
				verbs = append(verbs, path)
				continue
			}
			if c.Runnable() {
				verbs = append(verbs, path)
			}
			walk(path, c.Commands())
		}
	}
	root := a.rootCommand()
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	walk("byline", root.Commands())
	for _, v := range verbs {
		if !strings.Contains(string(readme), "`"+v) {
			t.Errorf("README.md does not document %q", v)
		}
	}
	documented := regexp.MustCompile("(?m)^\\| `(byline(?: [a-z]+)*)").FindAllStringSubmatch(string(readme), -1)
	for _, m := range documented {
		if m[1] == "byline" {
			continue
		}
		found := false
		for _, v := range verbs {
			if v == m[1] {
				found = true
			}
		}
		if !found {
			t.Errorf("README.md documents %q, which byline does not have", m[1])
		}
	}
}

// README.md names every short flag --help shows, and a --limit's default
// other than 0 (all) in its verb's row.
func TestREADMEDocumentsShortFlagsAndDefaults(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	a := &app{stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}
	eachVerb(a.rootCommand(), func(c *cobra.Command) {
		for r := 'a'; r <= 'z'; r++ {
			f := c.LocalFlags().ShorthandLookup(string(r))
			if f == nil {
				continue
			}
			if !strings.Contains(string(readme), "`-"+f.Shorthand) {
				t.Errorf("README.md does not name %s's -%s (--%s)", c.CommandPath(), f.Shorthand, f.Name)
			}
		}
		if f := c.LocalFlags().Lookup("limit"); f != nil && f.DefValue != "0" {
			row := regexp.MustCompile("(?m)^\\| `" + regexp.QuoteMeta(c.CommandPath()) + " .*$").Find(readme)
			if !regexp.MustCompile(`\b` + f.DefValue + `\b`).Match(row) {
				t.Errorf("README.md's row for %s does not give --limit's default, %s", c.CommandPath(), f.DefValue)
			}
		}
	})
}

// Every verb has a long help and examples.
func TestEveryVerbHasLongHelpAndExample(t *testing.T) {
	a := &app{stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}
	eachVerb(a.rootCommand(), func(c *cobra.Command) {
		if c.Long == "" || c.Example == "" {
			t.Errorf("%s: long help %t, example %t", c.CommandPath(), c.Long != "", c.Example != "")
		}
	})
}
