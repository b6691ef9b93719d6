package common

import (
	"sync"

	tea "github.com/charmbracelet/bubbletea"

	"byline/data"
)

// Each m or s (and opening an article, which marks it read) writes a flag
// in a command of its own, and Bubble Tea runs commands side by side: two
// writes of one flag (m pressed twice fast) can reach the store, and their
// replies the panes, in either order. So the last key wins: Update numbers
// each change of an (article, flag) as it is made; the writer skips a
// write older than one already written, and the root drops a reply older
// than the newest change asked for.

// Flags numbers and orders flag writes. Its zero value is ready to use;
// the panes share one through Common.
type Flags struct {
	// Used in Update only (one goroutine): no lock.
	next  uint64
	asked map[flagKey]uint64 // the newest change asked for

	mu      sync.Mutex // held across a write: no other can pass it
	written map[flagKey]uint64
}

type flagKey struct {
	id   int64
	flag data.Flag
}

// FlagMsg says an article's read or starred flag changed, so every pane
// showing it can update. The root sends it to all panes, unless a newer
// change of the same flag was asked for since (Seq orders them; 0 is a
// change from no key, never superseded).
type FlagMsg struct {
	ID   int64
	Flag data.Flag
	On   bool
	Seq  uint64
}

// Apply sets the flag on an article's read and starred fields, if it is
// that article's.
func (f FlagMsg) Apply(id int64, read, starred *bool) {
	if id != f.ID {
		return
	}
	if f.Flag == data.FlagStarred {
		*starred = f.On
	} else {
		*read = f.On
	}
}

// take numbers a change of a flag; call it in Update.
func (fl *Flags) take(id int64, f data.Flag) uint64 {
	if fl.asked == nil {
		fl.asked = map[flagKey]uint64{}
	}
	fl.next++
	fl.asked[flagKey{id, f}] = fl.next
	return fl.next
}

// Superseded reports whether a newer change of msg's flag was asked for
// after msg's, so msg must not be shown. Call it in Update.
func (fl *Flags) Superseded(msg FlagMsg) bool {
	return msg.Seq != 0 && fl.asked[flagKey{msg.ID, msg.Flag}] > msg.Seq
}

// write stores change seq of a flag unless a newer change of it is
// already stored; wrote is false when it was skipped.
func (fl *Flags) write(c Common, id int64, f data.Flag, on bool, seq uint64) (wrote bool, err error) {
	fl.mu.Lock()
	defer fl.mu.Unlock()
	k := flagKey{id, f}
	if fl.written[k] > seq {
		return false, nil
	}
	ctx, cancel := c.Context()
	defer cancel()
	if err := c.Store.SetFlag(ctx, id, f, on); err != nil {
		return false, err
	}
	if fl.written == nil {
		fl.written = map[flagKey]uint64{}
	}
	fl.written[k] = seq
	return true, nil
}

// SetFlagCmd writes one flag of an article to the store, reports the
// change to every pane, and asks for fresh counts; on failure it says so in
// the status line and reports the flag as it was, for a pane that showed
// the change before it was written. Call it in Update: the change is
// numbered then, in the order of the keys.
func SetFlagCmd(c Common, id int64, f data.Flag, on bool) tea.Cmd {
	seq := c.Flags.take(id, f)
	return func() tea.Msg {
		wrote, err := c.Flags.write(c, id, f, on, seq)
		switch {
		case err != nil:
			return tea.BatchMsg{
				func() tea.Msg { return FlagMsg{ID: id, Flag: f, On: !on, Seq: seq} },
				func() tea.Msg { return ErrorStatus("marking the article", err) },
			}
		case !wrote:
			return nil // a newer change is stored; its reply tells the panes
		}
		return tea.BatchMsg{
			func() tea.Msg { return FlagMsg{ID: id, Flag: f, On: on, Seq: seq} },
			func() tea.Msg { return CountsChangedMsg{} },
		}
	}
}
