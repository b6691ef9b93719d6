// Command byline is a terminal news reader that finds every quotation in
// every article and attributes it to its speaker. See README.md.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

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
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	fmt.Fprintln(a.stderr, "byline:", err)
	var ue usageError
	if errors.As(err, &ue) || isCobraUsageError(err) {
		fmt.Fprintln(a.stderr, "Run 'byline --help' for usage.")
		return exitUsage
	}
	return exitFailure
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
		Args:          cobra.NoArgs,
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.read(cmd.Context())
		},
	}
	root.PersistentFlags().StringVar(&a.storePath, "store", "",
		"the store file (default $BYLINE_STORE, else "+displayPath(defaultStorePath())+")")
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error { return usageError{err} })
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
	return root
}

// defaultStorePath is the store in the XDG data folder.
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

func displayPath(p string) string {
	if home, err := os.UserHomeDir(); err == nil && strings.HasPrefix(p, home+string(filepath.Separator)) {
		return "~" + p[len(home):]
	}
	return p
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
