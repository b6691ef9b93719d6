// Command byline is a terminal news reader that finds every quotation in
// every article and attributes it to its speaker. See README.md.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
	"unicode"

	"github.com/spf13/cobra"

	"byline/data"
)

// Exit statuses.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// usageError marks a bad command line (exit status 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// app is what every verb shares: where the store is and where output goes.
type app struct {
	storePath string
	stdout    io.Writer
	stderr    io.Writer
	// Whether stdout, stderr (for progress) and stdin are terminals.
	stdoutTTY bool
	stderrTTY bool
	stdinTTY  bool
}

func main() {
	a := &app{
		stdout:    os.Stdout,
		stderr:    os.Stderr,
		stdoutTTY: isTerminal(os.Stdout),
		stderrTTY: isTerminal(os.Stderr),
		stdinTTY:  isTerminal(os.Stdin),
	}
	os.Exit(a.run(context.Background(), os.Args[1:]))
}

// run executes one command line and returns the exit status.
func (a *app) run(ctx context.Context, args []string) int {
	root := a.rootCommand()
	root.SetArgs(args)
	cmd, err := root.ExecuteContextC(ctx)
	if err == nil {
		return exitOK
	}
	var ue usageError
	if errors.As(err, &ue) || isCobraUsageError(err) {
		if cmd == nil {
			cmd = root
		}
		// one line, as every error: the pointer to the help on it
		a.errorf("%v (see '%s --help')", err, cmd.CommandPath())
		return exitUsage
	}
	a.errorf("%v", err)
	return exitFailure
}

// errorf reports an error on stderr as "byline: message", the one form
// every error byline reports takes.
func (a *app) errorf(format string, args ...any) {
	fmt.Fprintln(a.stderr, "byline: "+escapeControls(fmt.Sprintf(format, args...)))
}

// escapeControls writes the control characters of a message (a newline in
// a file's name) as Go escapes, so that it stays one line and every other
// character, spaces included, reads as it is.
func escapeControls(s string) string {
	if !strings.ContainsFunc(s, unicode.IsControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsControl(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// warnf reports a warning on stderr as "byline: warning: message".
func (a *app) warnf(format string, args ...any) {
	fmt.Fprintln(a.stderr, "byline: warning: "+escapeControls(fmt.Sprintf(format, args...)))
}

// verbPath is cmd's command line without the program's name ("feeds add"),
// for messages that "byline: " already starts.
func verbPath(cmd *cobra.Command) string {
	return strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name()+" ")
}

// noArgs rejects arguments to a verb that takes none (cobra's NoArgs would
// call the first one an unknown command).
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usagef("%s takes no arguments, not %q", verbPath(cmd), args[0])
	}
	return nil
}

// needsSubcommand is the RunE of a verb that only groups others ('feeds',
// 'completion', whose subcommands are shells): run without one, or with one
// it does not have, it is a bad command line, as in git.
func needsSubcommand(noun string) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		var names []string
		for _, c := range cmd.Commands() {
			if c.IsAvailableCommand() {
				names = append(names, c.Name())
			}
		}
		choices := strings.Join(names, ", ")
		if n := len(names); n > 1 {
			choices = strings.Join(names[:n-1], ", ") + " or " + names[n-1]
		}
		if len(args) == 0 {
			return usagef("%s needs a %s: %s", verbPath(cmd), noun, choices)
		}
		return usagef("%s: unknown %s %q (use %s)", verbPath(cmd), noun, args[0], choices)
	}
}

// badFlagValue is pflag's message for a value its flag cannot take.
var badFlagValue = regexp.MustCompile(`^invalid argument "(.*)" for "(?:-[^,]+, )?--([^"]+)" flag: `)

// flagError says what a flag wants when its value will not do, in place of
// the parser's own words (`strconv.ParseInt: parsing "abc": invalid
// syntax`).
func flagError(cmd *cobra.Command, err error) error {
	m := badFlagValue.FindStringSubmatch(err.Error())
	if m == nil {
		return err
	}
	want := "another value"
	if f := cmd.Flags().Lookup(m[2]); f != nil {
		switch t := f.Value.Type(); {
		case strings.HasPrefix(t, "int"), strings.HasPrefix(t, "uint"):
			want = "a whole number"
		case t == "duration":
			want = "a duration such as 30s or 2m"
		case t == "bool":
			want = "true or false"
		case strings.HasPrefix(t, "float"):
			want = "a number"
		}
	}
	return fmt.Errorf("--%s: %q will not do, it takes %s", m[2], m[1], want)
}

// isCobraUsageError recognises the errors cobra makes for bad command lines.
func isCobraUsageError(err error) bool {
	msg := err.Error()
	if strings.HasPrefix(msg, "invalid argument ") {
		// a flag's value (only as a prefix: an OS error such as
		// "open x: invalid argument" is a failure, not a bad command line)
		return true
	}
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "flag needs an argument",
		"accepts ", "requires at least", "requires at most", "required flag"} {
		if strings.HasPrefix(msg, p) || strings.Contains(msg, " "+p) {
			return true
		}
	}
	return false
}

func (a *app) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "byline",
		Short: "A terminal news reader that knows who said what",
		Long: `byline keeps news articles in a local store and reads them in the terminal:
an article list, the article itself, and every quotation attributed to its
speaker, searchable by speaker across the whole archive.

Run without a verb, byline opens the reader (loading its built-in sample
into an empty store, so there is something to read).`,
		Args:         cobra.NoArgs,
		SilenceUsage: true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			if cmd.Flags().Changed("store") && a.storePath == "" {
				return usagef("--store needs a PATH")
			}
			return nil
		},
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.read(cmd.Context())
		},
	}
	root.Version = version()
	root.SetVersionTemplate("byline {{.Version}}\n")
	root.PersistentFlags().StringVar(&a.storePath, "store", "",
		"the store file (default $BYLINE_STORE, else $XDG_DATA_HOME/byline/byline.db, else ~/.local/share/byline/byline.db)")
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error { return usageError{flagError(cmd, err)} })
	// Before the completion command is made: its subcommands keep the
	// writer they find then.
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	root.SetHelpCommand(helpCommand())
	root.AddCommand(
		a.importCommand(),
		a.listCommand(),
		a.showCommand(),
		a.searchCommand(),
		a.extractCommand(),
		a.quotesCommand(),
		a.speakersCommand(),
		a.feedsCommand(), a.fetchCommand(),
	)
	// cobra's completion command prints its help and exits 0 when given no
	// shell or one it does not know: make both a bad command line.
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			c.Use = "completion SHELL"
			c.Args = cobra.ArbitraryArgs
			c.RunE = needsSubcommand("shell")
		}
	}
	return root
}

// helpCommand is 'byline help [VERB...]': cobra's prints the root's usage
// and exits 0 for a verb byline does not have.
func helpCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "help [VERB...]",
		Short: "Help about any verb",
		Long: `Print the help of a verb: 'byline help feeds add' is 'byline feeds add --help'.
Without a verb, print byline's help.`,
		ValidArgsFunction: func(c *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			cmd, rest, err := c.Root().Find(args)
			if err != nil || len(rest) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var out []cobra.Completion
			for _, sub := range cmd.Commands() {
				if sub.IsAvailableCommand() && strings.HasPrefix(sub.Name(), toComplete) {
					out = append(out, cobra.CompletionWithDesc(sub.Name(), sub.Short))
				}
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(c *cobra.Command, args []string) error {
			// (arguments after a verb are its own: 'byline help show 42';
			// after a group of verbs, an unknown one: 'help feeds frob')
			cmd, rest, err := c.Root().Find(args)
			if err != nil || len(rest) > 0 && cmd.HasSubCommands() {
				return usagef("no help for %q: byline has no such verb", strings.Join(args, " "))
			}
			cmd.InitDefaultHelpFlag()
			return cmd.Help()
		},
	}
}

// version is the module's version (for a build from a checkout, the
// pseudo-version Go makes of its commit) and the Go that built it.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown version)"
	}
	return info.Main.Version + ", " + info.GoVersion
}

// defaultStorePath is the store in the XDG data folder: $XDG_DATA_HOME,
// else ~/.local/share.
func defaultStorePath() string {
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			home = "."
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "byline", "byline.db")
}

// resolveStore is the store path: --store, else $BYLINE_STORE, else the default.
func (a *app) resolveStore() string {
	if a.storePath != "" {
		return a.storePath
	}
	if env := os.Getenv("BYLINE_STORE"); env != "" {
		return env
	}
	return defaultStorePath()
}

func (a *app) openStore() (*data.Store, error) {
	return data.Open(a.resolveStore())
}

// openExistingStore opens the store for a verb that only reads it, or
// changes what is in it: a mistyped --store is an error, not a new empty
// store (and folders) made where the user did not mean one.
func (a *app) openExistingStore() (*data.Store, error) {
	path := a.resolveStore()
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("no store at %s: 'byline import PATH' makes one, and 'byline' alone one with the sample", path)
	}
	return data.Open(path)
}
