// Saves a case note on the server while it is typed, so a session timeout or a closed tab loses
// nothing (ADR 0010). Progressive enhancement: without this the form still posts as normal.
const form = document.querySelector('form[data-note-draft]')
const status = document.getElementById('draft-status')

if (form && status) {
  const url = form.dataset.noteDraft
  const pause = 2000
  let timer = null
  let dirty = false
  let submitting = false

  // FormData carries every field, the antiforgery token included.
  const fields = () => new FormData(form)

  async function save () {
    timer = null
    if (!dirty || submitting) return
    dirty = false
    try {
      const response = await fetch(url, {
        method: 'POST',
        body: fields(),
        credentials: 'same-origin',
        headers: { Accept: 'application/json' }
      })
      const type = response.headers.get('Content-Type') || ''
      if (!response.ok || !type.includes('json')) throw new Error('not saved')
      const saved = await response.json()
      status.textContent = `Draft saved at ${saved.savedAt}`
    } catch {
      dirty = true
      status.textContent = 'Your draft could not be saved just now. Keep this page open; we will try again.'
      timer = setTimeout(save, pause * 5)
    }
  }

  function changed () {
    if (submitting) return
    dirty = true
    clearTimeout(timer)
    timer = setTimeout(save, pause)
  }

  // Leaving the page (another tab, closing it, the laptop lid): send what is there at once.
  function flush () {
    if (!dirty || submitting) return
    if (navigator.sendBeacon(url, fields())) dirty = false
  }

  form.addEventListener('input', changed)
  form.addEventListener('change', changed)
  form.addEventListener('submit', () => {
    submitting = true
    clearTimeout(timer)
  })
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush()
  })
  window.addEventListener('pagehide', flush)
}
