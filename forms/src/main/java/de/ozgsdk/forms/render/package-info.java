/**
 * Accessible HTML for FIM forms: {@link de.ozgsdk.forms.render.FormRenderer} renders the steps of a form
 * ({@link de.ozgsdk.forms.render.StepPlan}) and its check-answers page as server-side HTML that works without
 * JavaScript and meets WCAG 2.1 AA by construction; a portal overrides single components through a
 * {@link de.ozgsdk.forms.render.Theme}, adds label translations with {@link de.ozgsdk.forms.render.Translations},
 * and embeds the form fragment or serves the whole page ({@link de.ozgsdk.forms.render.RenderedPage}). See
 * {@code forms/RENDERING.md}.
 *
 * <pre>{@code
 * RenderedPage page = form.renderer().renderStep(0, data, form.validate(data).violations(), Locale.GERMAN);
 * response.getWriter().write(page.page());
 * }</pre>
 */
package de.ozgsdk.forms.render;
