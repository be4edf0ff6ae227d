import { secondsLeft } from './secondsLeft'

const two = (n: number) => String(n).padStart(2, '0')

/** The countdown line: label and `[h:]mm:ss` left until `end`. `mountPopup` drives the tick. */
export function Countdown(props: { end: number; label: string }) {
  const s = secondsLeft(props.end)
  const h = Math.floor(s / 3600)
  return (
    <p class="cd" role="timer">
      {props.label}{' '}
      <b>
        {h ? `${h}:` : ''}
        {two(Math.floor(s / 60) % 60)}:{two(s % 60)}
      </b>
    </p>
  )
}
