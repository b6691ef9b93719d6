package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"byline/feed"
)

// runCLI runs one byline command line in-process over real files and
// returns its output and exit status.
func runCLI(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	a := &app{stdout: &out, stderr: &errOut}
	code = a.run(context.Background(), args)
	return out.String(), errOut.String(), code
}

// corpusDir returns ../shared/corpus/<sub>, or skips when it is absent.
func corpusDir(t testing.TB, sub string) string {
	t.Helper()
	dir, _ := filepath.Abs(filepath.Join("..", "shared", "corpus", sub))
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("%s is absent: this test needs the shared corpus beside the project", dir)
	}
	return dir
}

func writeFile(t *testing.T, path, content string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestUsageErrorsExitTwo(t *testing.T) {
	store := filepath.Join(t.TempDir(), "s.db")
	for _, args := range [][]string{
		{"--store", store, "frobnicate"},
		{"--store", store, "list", "--nope"},
		{"--store", store, "list", "--limit", "x"},
		{"--store", store, "list", "--limit", "-1"},
		{"--store", store, "show"},
		{"--store", store, "show", "abc"},
		{"--store", store, "import"},
		{"--store", store, "search"},
		{"--store", store, "search", "-n", "0", "pier"},
		{"--store", store, "search", "--limit", "-1", "pier"},
		{"--store", store, "show", "--raw", "--body", "1"},
		{"--store", store, "quotes", "--kind", "rumour"},
		{"extract"},
	} {
		_, stderr, code := runCLI(t, args...)
		if code != exitUsage {
			t.Errorf("%v: exit %d, want %d (stderr %q)", args, code, exitUsage, stderr)
		}
		if !strings.Contains(stderr, "byline:") {
			t.Errorf("%v: stderr %q does not say what is wrong", args, stderr)
		}
	}
}

func TestImportListShowSearchJSON(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "s.db")
	writeFile(t, filepath.Join(dir, "in", "a.txt"), "Harbour pier to reopen\n\nPORT ELLIS – The pier will reopen in May, the council said.\n\n\"We are delighted,\" said Tomas Brandt, the harbour commissioner.\n")
	writeFile(t, filepath.Join(dir, "in", "b.jsonl"),
		`{"id":"x1","title":"Budget \u001b[31mday\u001b[0m","body":"Finance Minister Adaeze Okafor said the budget would balance.","url":"https://example.invalid/b","published":"2026-03-02T10:00:00Z","source":"Gazette","author":"A. Writer","extra":1}`+"\n"+
			`{"id":"x2","title":5}`+"\n")
	writeFile(t, filepath.Join(dir, "in", "empty.txt"), "")

	out, stderr, code := runCLI(t, "--store", store, "import", filepath.Join(dir, "in"))
	if code != exitFailure {
		t.Fatalf("import with bad input: exit %d, want 1 (some failed)", code)
	}
	if !strings.HasPrefix(out, "2 new, 0 duplicate, 2 failed") {
		t.Fatalf("import summary %q", out)
	}
	for _, want := range []string{"b.jsonl:2", "empty.txt", "title"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("import errors %q do not name %q", stderr, want)
		}
	}
	out, _, _ = runCLI(t, "--store", store, "import", filepath.Join(dir, "in", "a.txt"))
	if !strings.HasPrefix(out, "0 new, 1 duplicate, 0 failed") {
		t.Fatalf("re-import summary %q", out)
	}

	out, _, code = runCLI(t, "--store", store, "list", "--json")
	if code != exitOK {
		t.Fatalf("list --json exit %d", code)
	}
	var list []map[string]any
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatalf("list --json is not a JSON array: %v\n%s", err, out)
	}
	if len(list) != 2 {
		t.Fatalf("list --json has %d articles, want 2", len(list))
	}
	for _, field := range []string{"id", "title", "place", "source", "author", "url", "published", "quotes"} {
		if _, ok := list[0][field]; !ok {
			t.Errorf("list --json lacks %q: %v", field, list[0])
		}
	}
	// Newest first: the imported text file is dated by its import, after
	// 2026-03-02; the JSON article keeps its own date.
	if list[1]["published"] != "2026-03-02T10:00:00Z" || list[1]["source"] != "Gazette" {
		t.Errorf("JSON Lines article = %v", list[1])
	}
	if list[0]["place"] != "PORT ELLIS" {
		t.Errorf("dateline place = %v, want PORT ELLIS", list[0]["place"])
	}

	out, _, _ = runCLI(t, "--store", store, "list")
	if strings.Contains(out, "\x1b") {
		t.Fatalf("list printed an escape sequence from an article: %q", out)
	}
	if !strings.Contains(out, "Budget day") {
		t.Fatalf("list = %q", out)
	}
	// the date column says when there is none, as it says the date
	if !strings.Contains(out, "undated     Harbour pier to reopen") || !strings.Contains(out, "2026-03-02  Budget day") {
		t.Fatalf("list's date column = %q", out)
	}
	out, _, _ = runCLI(t, "--store", store, "list", "--limit", "1")
	if n := strings.Count(out, "\n"); n != 1 {
		t.Fatalf("list --limit 1 printed %d lines", n)
	}

	id := int(list[0]["id"].(float64))
	out, _, code = runCLI(t, "--store", store, "show", itoa(id))
	if code != exitOK || !strings.Contains(out, "The pier will reopen in May") || strings.Contains(out, "PORT ELLIS –") {
		t.Fatalf("show (piped) = %q", out)
	}
	out, _, _ = runCLI(t, "--store", store, "show", "--raw", itoa(id))
	if !strings.HasPrefix(out, "Harbour pier to reopen\n\nPORT ELLIS –") {
		t.Fatalf("show --raw = %q, want the original bytes", out)
	}
	_, stderr, code = runCLI(t, "--store", store, "show", "9999")
	if code != exitFailure || !strings.Contains(stderr, "no article 9999") {
		t.Fatalf("show of a missing id: exit %d, %q", code, stderr)
	}

	out, _, _ = runCLI(t, "--store", store, "search", "pier", "--json")
	var hits []map[string]any
	if err := json.Unmarshal([]byte(out), &hits); err != nil || len(hits) != 1 || hits[0]["title"] != "Harbour pier to reopen" {
		t.Fatalf("search --json = %s (%v)", out, err)
	}
	if s, _ := hits[0]["snippet"].(string); !strings.Contains(s, "pier") {
		t.Fatalf("search snippet = %q", s)
	}
	out, _, _ = runCLI(t, "--store", store, "search", "nothing-like-this")
	if out != "" {
		t.Fatalf("search with no hits printed %q", out)
	}
}

func itoa(n int) string { return jsonNumber(n) }

func jsonNumber(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestStoreFromEnvironment(t *testing.T) {
	store := filepath.Join(t.TempDir(), "env.db")
	t.Setenv("BYLINE_STORE", store)
	if _, stderr, code := runCLI(t, "list"); code != exitFailure || !strings.Contains(stderr, "no store at "+store) {
		t.Fatalf("list with BYLINE_STORE naming no store: exit %d %q", code, stderr)
	}
	if _, stderr, code := runCLI(t, "feeds", "add", "https://gazette.example/rss"); code != exitOK {
		t.Fatalf("feeds add with BYLINE_STORE: exit %d %s", code, stderr)
	}
	if _, err := os.Stat(store); err != nil {
		t.Fatalf("BYLINE_STORE was not used: %v", err)
	}
}

func TestReaderLoadsSampleIntoEmptyStore(t *testing.T) {
	store := filepath.Join(t.TempDir(), "s.db")
	// Not a terminal: the reader prints the list.
	out, _, code := runCLI(t, "--store", store)
	if code != exitOK {
		t.Fatalf("byline: exit %d", code)
	}
	if n := strings.Count(out, "\n"); n < 24 {
		t.Fatalf("the sample gave %d articles, want at least 24:\n%s", n, out)
	}
	out, _, _ = runCLI(t, "--store", store, "speakers", "--json")
	var speakers []map[string]any
	if err := json.Unmarshal([]byte(out), &speakers); err != nil || len(speakers) < 10 {
		t.Fatalf("sample speakers = %s (%v)", out, err)
	}
}

func TestSeedArticle(t *testing.T) {
	seed := corpusDir(t, "seed")
	store := filepath.Join(t.TempDir(), "s.db")
	if _, stderr, code := runCLI(t, "--store", store, "import", seed); code != exitOK {
		t.Fatalf("import seed: exit %d: %s", code, stderr)
	}
	out, _, _ := runCLI(t, "--store", store, "show", "1")
	paras := strings.Split(out, "\n\n")
	found := false
	for i, p := range paras {
		if strings.HasSuffix(strings.TrimSpace(p), "on his Facebook page.") && i+1 < len(paras) &&
			strings.HasPrefix(paras[i+1], "Mr Alkhatib, a moderate cleric from Damascus") {
			found = true
		}
	}
	if !found {
		t.Fatalf("the seed's paragraphs are not restored at 'Facebook page.Mr Alkhatib':\n%s", out)
	}
	if !strings.Contains(strings.SplitN(out, "\n", 3)[1], "DAMASCUS") {
		t.Fatalf("place DAMASCUS not shown apart: %q", out)
	}
	if strings.Count(out, "has said he was willing to hold peace talks") != 2 { // title + body once
		t.Fatalf("the lead is shown more or less than once in the body:\n%s", out)
	}
	out, stderr, _ := runCLI(t, "--store", store, "quotes", "--speaker", "alkhatib", "--json")
	if stderr != "Quotes of Moaz Alkhatib: the speakers closest to \"alkhatib\".\n" {
		t.Errorf("quotes --speaker alkhatib does not name the speaker it took on stderr: %q", stderr)
	}
	var quotes []map[string]any
	if err := json.Unmarshal([]byte(out), &quotes); err != nil {
		t.Fatal(err)
	}
	if len(quotes) < 3 {
		t.Fatalf("Alkhatib has %d quotes, want at least 3: %s", len(quotes), out)
	}
	for _, q := range quotes {
		if q["speaker"] != "Moaz Alkhatib" {
			t.Errorf("quotes --speaker alkhatib gave a quote by %v", q["speaker"])
		}
	}
}

func TestExtractJSONOffsetsAreFileBytes(t *testing.T) {
	dir := t.TempDir()
	text := "\ufeffTitle\r\n\r\n\"We will win,\" said Mr Smith.\r\n"
	path := writeFile(t, filepath.Join(dir, "a.txt"), text)
	out, _, code := runCLI(t, "extract", "--json", path)
	if code != exitOK {
		t.Fatalf("extract exit %d", code)
	}
	var res struct {
		File   string `json:"file"`
		Quotes []struct {
			Text      string  `json:"text"`
			Start     int     `json:"start"`
			End       int     `json:"end"`
			Kind      string  `json:"kind"`
			Cue       *string `json:"cue"`
			CueStart  *int    `json:"cue_start"`
			CueEnd    *int    `json:"cue_end"`
			Speaker   *string `json:"speaker"`
			SourceEnd *int    `json:"source_end"`
		} `json:"quotes"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("extract --json = %q: %v", out, err)
	}
	if res.File != path || len(res.Quotes) != 1 {
		t.Fatalf("extract --json = %+v", res)
	}
	q := res.Quotes[0]
	if text[q.Start:q.End] != q.Text || !strings.Contains(q.Text, "We will win") {
		t.Fatalf("content offsets %d-%d give %q, text %q", q.Start, q.End, text[q.Start:q.End], q.Text)
	}
	if q.Cue == nil || text[*q.CueStart:*q.CueEnd] != *q.Cue || q.Speaker == nil || *q.Speaker != "Smith" {
		t.Fatalf("cue/speaker = %+v", q)
	}
}

// TestImportSurvivesSIGKILL kills an import of the BBC corpus halfway, runs
// it again, and checks that the store opens, holds every article, and has
// no article half-stored.
func TestImportSurvivesSIGKILL(t *testing.T) {
	bbc := corpusDir(t, "bbc")
	if testing.Short() {
		t.Skip("builds the binary and imports the BBC corpus twice")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "byline")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	store := filepath.Join(dir, "s.db")
	cmd := exec.Command(bin, "--store", store, "import", bbc)
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	// Kill it once part of the corpus is in: poll the store's article count.
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	killed := waitForPartialImport(t, store, cmd)
	cmd.Wait()
	if !killed {
		t.Logf("the import finished before it could be killed (%s); the re-run still has to add nothing", stdout.String())
	}
	out, err := exec.Command(bin, "--store", store, "import", bbc).Output()
	if err != nil {
		t.Fatalf("re-run of the import: %v: %s", err, out)
	}
	if !strings.Contains(string(out), "0 failed") {
		t.Fatalf("re-run summary %q", out)
	}
	assertStoreWhole(t, store, 2225)
}

// TestOSInvalidArgumentIsAFailure: only a flag value cobra rejects is a bad
// command line; an OS error saying "invalid argument" is a failure.
func TestOSInvalidArgumentIsAFailure(t *testing.T) {
	if isCobraUsageError(errors.New("open /x: invalid argument")) {
		t.Error("an OS error read as a usage error")
	}
	if !isCobraUsageError(errors.New(`invalid argument "x" for "--limit" flag: strconv.ParseInt: parsing "x": invalid syntax`)) {
		t.Error("a bad flag value not read as a usage error")
	}
}

// A file that is not UTF-8 (Windows-1252 with CRLF line ends, UTF-8 with a
// stray Latin-1 byte, UTF-16) is decoded as the importer decodes it, and its
// quotes' offsets are still the file's own bytes.
func TestExtractJSONOffsetsOfFilesNotInUTF8(t *testing.T) {
	utf16le := func(s string) string {
		b := []byte{0xFF, 0xFE}
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u), byte(u>>8))
		}
		return string(b)
	}
	dir := t.TempDir()
	for name, raw := range map[string]string{
		"cp1252.txt": "Price rise\r\n\r\nFares rise by \xa35.\r\n\r\n\x93We will pay,\x94 said Mr Smith, a commuter.\r\n",
		"mixed.txt":  "Price rise\n\nFares rise at the caf\xe9.\n\n“We will pay,” said Mr Smith, a commuter.\n",
		"utf16.txt":  utf16le("Price rise\r\n\r\nFares rise by £5.\r\n\r\n“We will pay,” said Mr Smith, a commuter.\r\n"),
	} {
		path := writeFile(t, filepath.Join(dir, name), raw)
		out, errOut, code := runCLI(t, "extract", "--json", path)
		if code != exitOK {
			t.Fatalf("%s: extract exit %d", name, code)
		}
		// Read as Windows-1252 is said, naming the file, as import says
		// it; UTF-16 after its mark is not a guess and is not reported.
		if warned := strings.Contains(errOut, "warning: "+path+": not valid UTF-8, read as Windows-1252"); warned != (name != "utf16.txt") {
			t.Errorf("%s: stderr %q", name, errOut)
		}
		var res struct {
			Quotes []quoteJSON `json:"quotes"`
		}
		if err := json.Unmarshal([]byte(out), &res); err != nil || len(res.Quotes) != 1 || res.Quotes[0].Cue == nil {
			t.Errorf("%s: extract --json = %q (%v)", name, out, err)
			continue
		}
		q := res.Quotes[0]
		text, offsets, _ := feed.DecodeWithOffsets([]byte(raw))
		i := strings.Index(text, q.Text)
		c := strings.Index(text, "said")
		if !strings.Contains(q.Text, "We will pay") || i < 0 || offsets[i] != q.Start || offsets[i+len(q.Text)] != q.End {
			t.Errorf("%s: content %q at %d-%d of the file", name, q.Text, q.Start, q.End)
		}
		if *q.Cue != "said" || offsets[c] != *q.CueStart || offsets[c+4] != *q.CueEnd {
			t.Errorf("%s: cue %q at %d-%d of the file", name, *q.Cue, *q.CueStart, *q.CueEnd)
		}
	}
}

// A verb that groups others ('completion', whose subcommands are shells,
// 'feeds') given none of them or one it does not have is a bad command line,
// as in git: exit 2 and one line saying what it takes, not its help and 0.
func TestVerbGroupsWantASubcommand(t *testing.T) {
	store := filepath.Join(t.TempDir(), "s.db")
	for _, tc := range []struct {
		args []string
		want []string // words the message must name
	}{
		{[]string{"completion"}, []string{"bash", "zsh", "fish", "powershell"}},
		{[]string{"completion", "tcsh"}, []string{`"tcsh"`, "bash", "zsh", "fish", "powershell"}},
		{[]string{"feeds"}, []string{"add", "list", "remove", "import", "export"}},
		{[]string{"feeds", "frobnicate"}, []string{`"frobnicate"`, "add", "export"}},
		{[]string{"help", "frobnicate"}, []string{`"frobnicate"`}},
		{[]string{"help", "feeds", "frobnicate"}, []string{`"feeds frobnicate"`}},
		{[]string{"list", "extra"}, []string{"list takes no arguments", `"extra"`}},
		{[]string{"feeds", "list", "extra"}, []string{"feeds list takes no arguments"}},
	} {
		args := append([]string{"--store", store}, tc.args...)
		out, stderr, code := runCLI(t, args...)
		if code != exitUsage {
			t.Errorf("%v: exit %d, want %d (stderr %q)", tc.args, code, exitUsage, stderr)
		}
		if out != "" {
			t.Errorf("%v: printed %q on stdout, want nothing", tc.args, out)
		}
		first, _, _ := strings.Cut(stderr, "\n")
		if !strings.HasPrefix(first, "byline: ") {
			t.Errorf("%v: stderr %q", tc.args, stderr)
		}
		for _, w := range tc.want {
			if !strings.Contains(first, w) {
				t.Errorf("%v: %q does not name %s", tc.args, first, w)
			}
		}
	}
	for shell, want := range map[string]string{"bash": "bash completion", "zsh": "#compdef byline",
		"fish": "fish completion", "powershell": "powershell completion"} {
		out, stderr, code := runCLI(t, "completion", shell)
		if code != exitOK || !strings.Contains(out, want) {
			t.Errorf("completion %s: exit %d, %q, stderr %q", shell, code, firstLine(out), stderr)
		}
	}
	out, _, code := runCLI(t, "help", "feeds", "add")
	if code != exitOK || !strings.Contains(out, "byline feeds add URL") {
		t.Errorf("help feeds add: exit %d, %q", code, out)
	}
}

func firstLine(s string) string { l, _, _ := strings.Cut(s, "\n"); return l }

// stderrLines is stderr without the usage hint, one line each.
func stderrLines(stderr string) []string {
	var lines []string
	for _, l := range strings.Split(strings.TrimSuffix(stderr, "\n"), "\n") {
		if l != "" && !strings.HasPrefix(l, "Run '") {
			lines = append(lines, l)
		}
	}
	return lines
}

// Every error and warning goes out as "byline: message", the name once.
func TestErrorsSayBylineOnce(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "s.db")
	writeFile(t, filepath.Join(dir, "in", "empty.txt"), "")
	writeFile(t, filepath.Join(dir, "in", "cp1252.txt"), "Fares\n\nFares rise by \xa35, Mr Smith said.\n")
	opmlFile := writeFile(t, filepath.Join(dir, "subs.opml"), `<?xml version="1.0"?>
<opml version="2.0"><head><title>t</title></head><body>
<outline text="ftp" type="rss" xmlUrl="ftp://example.invalid/feed"/>
</body></opml>
`)
	for _, args := range [][]string{
		{"feeds", "add"},
		{"feeds", "add", "https://a.example/", "https://b.example/"},
		{"feeds", "remove"},
		{"feeds", "import"},
		{"show", "1", "2"},
		{"extract", filepath.Join(dir, "nonexistent.txt")},
		{"extract", filepath.Join(dir, "a line\nbreak.txt")}, // a name with a newline: still one line
		{"extract", filepath.Join(dir, "two  spaces.txt")},
		{"extract", filepath.Join(dir, "in", "cp1252.txt")},
		{"import", filepath.Join(dir, "in")},
		{"feeds", "import", opmlFile},
		{"frobnicate"},
	} {
		_, stderr, _ := runCLI(t, append([]string{"--store", store}, args...)...)
		lines := stderrLines(stderr)
		if len(lines) == 0 {
			t.Errorf("%v: said nothing on stderr", args)
		}
		if args[0] == "extract" && strings.Contains(args[1], "  ") && !strings.Contains(stderr, "two  spaces.txt") {
			t.Errorf("%v: the file's name is changed in %q", args, stderr)
		}
		for _, l := range lines {
			if !strings.HasPrefix(l, "byline: ") || strings.HasPrefix(l, "byline: byline") ||
				strings.HasPrefix(l, "byline: error:") {
				t.Errorf("%v: stderr line %q, want \"byline: message\"", args, l)
			}
		}
	}
}

// The offsets of 'quotes --json' count from the start of the article's
// body, which 'show --body' prints alone, byte for byte when piped; 'show'
// puts a heading above it.
func TestShowBodyHoldsQuoteOffsets(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "s.db")
	writeFile(t, filepath.Join(dir, "a.jsonl"),
		`{"id":"p1","title":"Pier to reopen","url":"https://example.invalid/pier","source":"Gazette","published":"2026-03-02T10:00:00Z",`+
			`"body":"PORT ELLIS – The pier will \u001b[1mreopen\u001b[0m in May.\n\n\"We are delighted,\" said Tomas Brandt, the harbour commissioner. \"It has been a long winter,\" he added."}`+"\n")
	if _, stderr, code := runCLI(t, "--store", store, "import", filepath.Join(dir, "a.jsonl")); code != exitOK {
		t.Fatalf("import: exit %d: %s", code, stderr)
	}
	out, _, code := runCLI(t, "--store", store, "quotes", "--json")
	var quotes []storedQuoteJSON
	if err := json.Unmarshal([]byte(out), &quotes); err != nil || code != exitOK || len(quotes) != 2 {
		t.Fatalf("quotes --json: exit %d, %s (%v)", code, out, err)
	}
	id := itoa(int(quotes[0].ArticleID))
	body, stderr, code := runCLI(t, "--store", store, "show", "--body", id)
	if code != exitOK {
		t.Fatalf("show --body: exit %d: %s", code, stderr)
	}
	if !strings.HasPrefix(body, "The pier will \x1b[1mreopen") || !strings.HasSuffix(body, "he added.\n") {
		t.Fatalf("show --body = %q, want the body alone, as stored", body)
	}
	for _, q := range quotes {
		if q.End > len(body) || body[q.Start:q.End] != q.Text {
			t.Errorf("quote %q at %d-%d of the body is not there: %q", q.Text, q.Start, q.End, body)
		}
		if q.Cue == nil || body[*q.CueStart:*q.CueEnd] != *q.Cue {
			t.Errorf("cue of %q at %v-%v is not there", q.Text, q.CueStart, q.CueEnd)
		}
	}
	// Plain 'show' puts the title, the source and date, the URL and a blank
	// line above the text: its offsets are not the quotes'.
	full, _, _ := runCLI(t, "--store", store, "show", id)
	heading, _, ok := strings.Cut(full, "\n\nThe pier will")
	if !ok || strings.Count(heading, "\n") != 2 || !strings.Contains(heading, "https://example.invalid/pier") {
		t.Errorf("show = %q", full)
	}
	if _, _, code := runCLI(t, "--store", store, "show", "--body", "--raw", id); code != exitUsage {
		t.Errorf("show --body --raw: exit %d, want %d", code, exitUsage)
	}
	if _, stderr, code := runCLI(t, "--store", store, "show", "--body", "999"); code != exitFailure || !strings.Contains(stderr, "no article 999") {
		t.Errorf("show --body of a missing id: exit %d %q", code, stderr)
	}
}

// The default store is in $XDG_DATA_HOME when it is set, and --help says so.
func TestStoreInXDGDataHome(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("BYLINE_STORE", "")
	t.Setenv("XDG_DATA_HOME", dir)
	if _, stderr, code := runCLI(t, "feeds", "add", "https://gazette.example/rss"); code != exitOK {
		t.Fatalf("feeds add: exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "byline", "byline.db")); err != nil {
		t.Fatalf("the store is not in $XDG_DATA_HOME: %v", err)
	}
	out, _, _ := runCLI(t, "--help")
	if !strings.Contains(out, "$XDG_DATA_HOME/byline/byline.db, else ~/.local/share/byline/byline.db") {
		t.Errorf("--store's help does not name $XDG_DATA_HOME:\n%s", out)
	}
}
