/** Who listens to one kind of news from the emulator's state, so state never imports its readers. */
export class Listeners<T = void> {
	private readonly listeners = new Set<(news: T) => void>();

	/** Answers the function that stops listening. */
	add(listener: (news: T) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	tell(news: T): void {
		for (const listener of this.listeners) listener(news);
	}
}
