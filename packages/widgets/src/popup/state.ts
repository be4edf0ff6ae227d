/** A pop-up's state (see `Popup`). */
export interface PopupState {
  /** 0 open, 1 minimised to the teaser, 2 success step. */
  step: 0 | 1 | 2
  copied?: boolean
  /** A coupon was copied or an email captured: the final close is a conversion. */
  won?: boolean
  /** Reopened from the teaser by the visitor: move focus in. */
  reopened?: boolean
  /** Email form validation message. */
  error?: string
  /** Countdown end, ms since the epoch. */
  end?: number
}
