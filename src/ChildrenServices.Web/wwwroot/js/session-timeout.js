// Warns before the server ends a session for idleness (ADR 0039), and offers to stay signed in. The server is the
// authority: this only counts down from the last request this page made (its loading, a draft saved, "Stay signed in").
// At the end it signs out through the header's form, so the next person at a shared PC does not find the case open.
const dialog = document.getElementById('session-timeout')
const form = document.getElementById('session-timeout-form')
const signOut = document.getElementById('sign-out-form')

if (dialog && form && signOut && typeof dialog.showModal === 'function') {
  const idle = Number(dialog.dataset.idleSeconds) * 1000
  const warning = Number(dialog.dataset.warningSeconds) * 1000
  const left = document.getElementById('session-timeout-left')
  let lastActive = Date.now()
  let returnFocus = null
  let signingOut = false

  function describe (ms) {
    const seconds = Math.max(0, Math.ceil(ms / 1000))
    if (seconds >= 60) {
      const minutes = Math.ceil(seconds / 60)
      return `${minutes} minute${minutes === 1 ? '' : 's'}`
    }
    return `${seconds} second${seconds === 1 ? '' : 's'}`
  }

  function active () {
    lastActive = Date.now()
    if (dialog.open) {
      dialog.close()
      if (returnFocus) returnFocus.focus()
    }
  }

  function tick () {
    const remaining = lastActive + idle - Date.now()
    if (remaining <= 0) {
      if (signingOut) return
      signingOut = true
      // A draft is sent first (form-draft.js), while the session still takes it; then the sign-out.
      document.dispatchEvent(new CustomEvent('app:signing-out'))
      signOut.elements.timedOut.value = 'true'
      setTimeout(() => signOut.submit(), 1000)
      return
    }
    if (remaining <= warning) {
      if (!dialog.open) {
        returnFocus = document.activeElement
        dialog.showModal()
        dialog.querySelector('button').focus()
      }
      // Changes once a minute, then every 15 seconds in the last minute: not every second (screen readers).
      const seconds = Math.ceil(remaining / 1000)
      const text = describe(seconds > 60 ? remaining : Math.ceil(seconds / 15) * 15000)
      if (left.textContent !== text) left.textContent = text
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    try {
      const response = await fetch(form.action, { method: 'POST', body: new FormData(form), credentials: 'same-origin', headers: { Accept: 'application/json' } })
      if (response.ok && (response.headers.get('Content-Type') || '').includes('json')) {
        active()
        return
      }
    } catch { }
    // The session had already gone (or the server could not be reached): the sign-in page says why.
    window.location.reload()
  })

  // Escape would close the dialog without telling the server anything: treat it as "Stay signed in".
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault()
    form.requestSubmit()
  })

  document.addEventListener('app:server-activity', active)
  setInterval(tick, 1000)
}
