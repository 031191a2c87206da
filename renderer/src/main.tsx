import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import '@mantine/core/styles.css'
import '@mantine/notifications/styles.css'
import './app/app.css'
import { App } from './app/App'

const container = document.getElementById('root')
if (!container) throw new Error('#root missing from index.html')
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
