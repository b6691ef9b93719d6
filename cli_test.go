package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// The command line's errors, the verbs that need a store, extract and --version.

// A verb that only reads the store, or changes what is in it, fails on a
// store that is not there and makes none (a mistyped --store); one that
// adds articles or feeds makes it.
func TestReadingVerbsNeedAStore(t *testing.T) {
	store := filepath.Join(t.TempDir(), "typo", "s.db")
	for _, verb := range [][]string{{"list"}, {"show", "1"}, {"search", "blair"}, {"quotes"}, {"speakers"},
		{"feeds", "list"}, {"feeds", "export"}, {"feeds", "remove", "https://gazette.example/rss"}, {"fetch"}} {
		_, stderr, code := runCLI(t, append([]string{"--store", store}, verb...)...)
		if code != exitFailure || stderr != "byline: no store at "+store+": 'byline import PATH' makes one, and 'byline' alone one with the sample\n" {
			t.Errorf("%v on no store: exit %d %q", verb, code, stderr)
		}
		if _, err := os.Stat(filepath.Dir(store)); !errors.Is(err, fs.ErrNotExist) {
			t.Fatalf("%v made the store's folder", verb)
		}
	}
	if _, stderr, code := runCLI(t, "--store", "", "list"); code != exitUsage || !strings.Contains(stderr, "--store needs a PATH") {
		t.Errorf("--store \"\": exit %d %q", code, stderr)
	}
}

// A bad command line is one line of error saying what is wanted, with the
// verb's help named on it: not the parser's words.
func TestBadUsageIsOneLine(t *testing.T) {
	store := filepath.Join(t.TempDir(), "s.db")
	runCLI(t, "--store", store, "feeds", "add", "https://gazette.example/rss")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"list", "--limit", "abc"}, `byline: --limit: "abc" will not do, it takes a whole number (see 'byline list --help')` + "\n"},
		{[]string{"fetch", "--timeout", "bogus"}, `byline: --timeout: "bogus" will not do, it takes a duration such as 30s or 2m (see 'byline fetch --help')` + "\n"},
		{[]string{"search", "  "}, "byline: search needs a QUERY (see 'byline search --help')\n"},
		{[]string{"quotes", "--speaker", ""}, "byline: --speaker needs a NAME (without it, quotes lists every speaker's) (see 'byline quotes --help')\n"},
	} {
		_, stderr, code := runCLI(t, append([]string{"--store", store}, tc.args...)...)
		if code != exitUsage || stderr != tc.want {
			t.Errorf("%v: exit %d\n got %q\nwant %q", tc.args, code, stderr, tc.want)
		}
	}
}

// A quote's label names its speaker and role; without a speaker, the role
// (who the article says spoke), and "unattributed" only with neither.
func TestSpeakerLabel(t *testing.T) {
	for _, tc := range [][3]string{
		{"Tony Blair", "prime minister", "Tony Blair, prime minister"},
		{"Tony Blair", "", "Tony Blair"},
		{"", "The mayor", "The mayor"},
		{"", "", "unattributed"},
	} {
		if got := speakerLabel(tc[0], tc[1]); got != tc[2] {
			t.Errorf("speakerLabel(%q, %q) = %q, want %q", tc[0], tc[1], got, tc[2])
		}
	}
}

// extract takes folders as import does: their article files, one line of
// --json each; a path that is not there is one error naming it, and the
// rest go on.
func TestExtractFolders(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.txt"), "Pier\n\n\"We will reopen,\" said Mr Tom Smith.\n")
	writeFile(t, filepath.Join(dir, "sub", "b.txt"), "Ferry\n\n\"It runs,\" said Ms Ann Lee.\n")
	missing := filepath.Join(dir, "missing.txt")
	out, stderr, code := runCLI(t, "extract", "--json", dir, missing)
	if code != exitFailure || stderr != "byline: "+missing+": no such file or directory\nbyline: 1 of 3 files could not be read\n" {
		t.Errorf("extract of a folder and a missing file: exit %d %q", code, stderr)
	}
	if lines := strings.Split(strings.TrimSpace(out), "\n"); len(lines) != 2 || !strings.Contains(out, "Tom Smith") || !strings.Contains(out, "Ann Lee") {
		t.Errorf("extract --json of a folder:\n%s", out)
	}
}

// --version names the build and the Go that made it.
func TestVersion(t *testing.T) {
	out, _, code := runCLI(t, "--version")
	if code != exitOK || !strings.HasPrefix(out, "byline ") || !strings.HasSuffix(out, ", "+runtime.Version()+"\n") {
		t.Errorf("--version: exit %d %q", code, out)
	}
}
