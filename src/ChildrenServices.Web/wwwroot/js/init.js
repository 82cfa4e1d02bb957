// Progressive enhancement only: every page works without this.
import { initAll } from '/lib/govuk/govuk-frontend.min.js'
import { initAll as initMoj } from '/lib/moj/moj-frontend.min.js'

initAll()
initMoj()
