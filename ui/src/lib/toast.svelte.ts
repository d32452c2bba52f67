// Short messages that float over the canvas and go by themselves: what an export wrote, what
// a deletion took (with the way back). They never push the map around.

export interface ToastAction {
  label: string;
  run: () => void;
}

export class Toasts {
  text: string | null = $state(null);
  action: ToastAction | null = $state(null);
  /** Whether the message reports a failure (it then stays until dismissed). */
  failed = $state(false);
  private timer: ReturnType<typeof setTimeout> | null = null;

  /** Shows `text` for a few seconds (longer with an action); a failure stays until dismissed. */
  show(text: string, options: { action?: ToastAction; failed?: boolean; sticky?: boolean } = {}) {
    this.text = text;
    this.action = options.action ?? null;
    this.failed = options.failed ?? false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.failed && !options.sticky) {
      this.timer = setTimeout(() => this.dismiss(), options.action ? 9000 : 5000);
    }
  }

  dismiss() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.text = null;
    this.action = null;
    this.failed = false;
  }
}
