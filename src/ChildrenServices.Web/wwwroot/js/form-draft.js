// Saves a long form on the server while it is typed, so following a link, a session timeout or a closed
// tab loses nothing (ADR 0010). Attaches to the form marked data-form-draft="<its Draft handler's URL>".
// Progressive enhancement: without this the form still posts as normal.
const form = document.querySelector('form[data-form-draft]')
const status = form && form.querySelector('#draft-status')

if (form && status) {
  const url = form.dataset.formDraft
  const pause = 2000
  let timer = null
  let dirty = false
  let leaving = false

  // FormData carries every field, the antiforgery token included. Other one-time hidden values (a
  // submission id) belong to sending the form, not to a draft of it, so they are left out.
  function fields () {
    const data = new FormData(form)
    for (const name of [...data.keys()]) {
      if (name.startsWith('__') && name !== '__RequestVerificationToken') data.delete(name)
    }
    return data
  }

  async function save () {
    timer = null
    if (!dirty || leaving) return
    dirty = false
    try {
      const response = await fetch(url, {
        method: 'POST',
        body: fields(),
        credentials: 'same-origin',
        headers: { Accept: 'application/json' }
      })
      const type = response.headers.get('Content-Type') || ''
      if (!type.includes('json')) throw new Error('not saved')
      const saved = await response.json()
      if (!response.ok) {
        // Refused for a reason that trying again will not fix (too long): say so, and wait for more typing.
        status.textContent = saved.error || 'Your draft could not be saved.'
        return
      }
      status.textContent = `Draft saved at ${saved.savedAt}`
      // The server saw this page just now: the idle warning counts from here (session-timeout.js).
      document.dispatchEvent(new CustomEvent('app:server-activity'))
    } catch {
      dirty = true
      status.textContent = 'Your draft could not be saved just now. Keep this page open; we will try again.'
      timer = setTimeout(save, pause * 5)
    }
  }

  function changed () {
    if (leaving) return
    dirty = true
    clearTimeout(timer)
    timer = setTimeout(save, pause)
  }

  // Leaving the page (a link, another tab, closing it, the laptop lid): send what is there at once.
  function flush () {
    if (!dirty || leaving) return
    if (navigator.sendBeacon(url, fields())) dirty = false
  }

  form.addEventListener('input', changed)
  form.addEventListener('change', changed)
  // Sending this form, or discarding the draft, is not leaving it half-typed: save nothing more.
  document.addEventListener('submit', (event) => {
    // "Stay signed in" (session-timeout.js) is not leaving the page.
    if (event.target && event.target.id === 'session-timeout-form') return
    leaving = true
    clearTimeout(timer)
  })
  // About to be signed out for idleness: send what is there before the session ends.
  document.addEventListener('app:signing-out', flush)
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush()
  })
  window.addEventListener('pagehide', flush)
}
